#!/usr/bin/env bash
# Does what `sam build` does for the authorizer (aws-lambda-builders' Maven workflow: copy the
# sources without .git, `mvn clean install`, `mvn dependency:copy-dependencies -DincludeScope=runtime
# -Dmdep.prependGroupId=true`, then target/classes at the package root and the jars under lib/),
# and runs the authorizer from that package with its root as working directory.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir "$work/src" "$work/package"
tar -C "$repo" --exclude=./.git --exclude=./.aws-sam --exclude=./target --exclude=./.dev-keys -cf - . | tar -C "$work/src" -xf -
cd "$work/src"
mvn -B -q -Dstyle.color=never clean install
if [ -d target/surefire-reports ]; then
  echo "sam-build-check: the test suite ran inside sam build" >&2
  exit 1
fi
mvn -B -q -Dstyle.color=never dependency:copy-dependencies -DincludeScope=runtime -Dmdep.prependGroupId=true
cp -r target/classes/. "$work/package/"
mkdir "$work/package/lib"
cp target/dependency/*.jar "$work/package/lib/"

cd "$work/package"
for unwanted in junit jackson-core jackson-dataformat-yaml jackson-databind jackson-annotations aws-lambda-java-serialization joda-time guava; do
  if ls lib | grep -q "$unwanted"; then
    echo "sam-build-check: $unwanted is in the deployment package" >&2
    exit 1
  fi
done
# ACCP is an optional dependency (for projects using this one as a library); the function keeps it.
ls lib | grep -q AmazonCorrettoCryptoProvider || { echo "sam-build-check: ACCP is not in the deployment package" >&2; exit 1; }
answer() { java -cp ".:lib/*" dev.jwtauthorizer.cli.Main invoke -e "$repo/events/$1.json" --env-vars "$repo/events/env.json" 2>/dev/null; }
answer valid-token | grep -q '"Effect":"Allow"' || { echo "sam-build-check: valid-token was not allowed" >&2; exit 1; }
answer bad-signature | grep -q '"errorMessage":"Unauthorized"' || { echo "sam-build-check: bad-signature was not refused" >&2; exit 1; }
python3 -m zipfile -c "$work/package.zip" . >/dev/null
echo "sam-build-check: ok; deployment package $(( $(stat -c %s "$work/package.zip") / 1024 )) KiB zipped," \
  "$(du -sk . | cut -f1) KiB unzipped, $(ls lib | wc -l) jars: $(ls lib | tr '\n' ' ')"
