// Times this project's authorizer against the Node.js peer on the same RS256 fixtures, side by
// side, alternating ours and the peer so that machine drift hits both alike.
//   node compare.mjs measure FIXTURE_DIR RESULTS.json RUNS   runs RUNS rounds (+1 discarded)
//   node compare.mjs report RESULTS.json [JMH_FULL.txt JMH_TIER1.txt]   prints the targets table
// Environment for measure: OUR_JAR, JAVA_FULL (a JDK 25 java: the full-JIT row), JAVA_TIER1 (the
// java of the tier-1 rows, as Lambda's java17/java21 run it).
//
// Every figure comes from one process answering a stream on its standard input, both sides alike
// (ours: `java -jar OUR_JAR replay [--prime] -`, the peer: `node authorizer.mjs stream [WARMUP]`):
// the driver writes one event, waits for its answer (the "first answer"), then writes the N
// events at once and waits for the N-th answer. Per token = (N-th answer - first answer) / N.
//   fresh:  no preparation; cold = spawn to first answer; first N = the per-token figure.
//   one CPU: the cold start again with both sides pinned to one CPU (`taskset -c 0`), as a function
//           with less than a whole vCPU runs; no target, shown beside row 1 (skipped without taskset).
//   primed: ours primes (`--prime`, what runs before a SnapStart snapshot); the peer first answers
//           the W warm-up events of warmup.jsonl in-process. The clock starts at the first answer,
//           so preparation time, however long and however noisy, is never in the figure.
// Every answer is checked: each valid token must be allowed, in order, by both sides, or this fails.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const TIER1 = ["-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"];
const ONE_CPU = ["taskset", "-c", "0"];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const now = () => Number(process.hrtime.bigint()) / 1e9;

function fail(message) {
  console.error(`compare: FAILED: ${message}`);
  process.exit(1);
}

/** Checks one answer: an Allow policy for the expected principal, as API Gateway needs it. */
function checkAnswer(who, line, principal) {
  let answer;
  try {
    answer = JSON.parse(line);
  } catch {
    fail(`${who} answered something that is not JSON: ${line.slice(0, 300)}`);
  }
  const effect = answer?.policyDocument?.Statement?.[0]?.Effect;
  if (effect !== "Allow" || answer.principalId !== principal) {
    fail(`${who} did not allow the valid token of ${principal}: ${line.slice(0, 300)}`);
  }
}

/** One process answering a stream: spawn, one event, its answer, then N events and their answers. */
function stream(who, argv, env, first, events) {
  const n = events.length;
  return new Promise((resolve) => {
    const t0 = now();
    const child = spawn(argv[0], argv.slice(1), { env, stdio: ["pipe", "pipe", "pipe"] });
    const chunks = [];
    let stderr = "";
    let lines = 0;
    let tFirst = 0;
    let tLast = 0;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(`${who} did not answer ${n + 1} events within 300 s (${lines} answers); stderr: ${stderr.slice(-800)}`);
    }, 300_000);
    child.stderr.on("data", (d) => {
      // Drained as Lambda's runtime drains it (a pipe), kept only for a failure message.
      stderr = (stderr + d).slice(-4000);
    });
    child.stdout.on("data", (d) => {
      chunks.push(d);
      for (let i = d.indexOf(10); i !== -1; i = d.indexOf(10, i + 1)) {
        lines++;
        if (lines === 1) {
          tFirst = now();
          child.stdin.write(events.join("\n") + "\n");
        } else if (lines === n + 1) {
          tLast = now();
          child.stdin.end();
        }
      }
    });
    child.on("error", (e) => fail(`${who}: cannot run ${argv[0]}: ${e.message}`));
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code !== 0) fail(`${who} exited ${code}; stderr: ${stderr.slice(-800)}`);
      const answers = Buffer.concat(chunks).toString("utf8").split("\n").filter((l) => l.trim());
      if (answers.length !== n + 1) fail(`${who} answered ${answers.length} of ${n + 1} events; stderr: ${stderr.slice(-800)}`);
      checkAnswer(who, answers[0], "first");
      answers.slice(1).forEach((line, i) => checkAnswer(who, line, `user-${i}`));
      resolve({ cold: tFirst - t0, perToken: ((tLast - tFirst) / n) * 1e6 });
    });
    child.stdin.on("error", () => {}); // a side that dies early is reported by "close"
    child.stdin.write(first + "\n");
  });
}

/** Peak resident memory (MiB) of a one-event cold run, from the kernel's accounting. */
function peakRss(who, argv, env) {
  const script = `import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
sys.stdout.write(f"{r.returncode} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.1f}\\n" + r.stdout.decode())`;
  const r = spawnSync("python3", ["-c", script, ...argv], { env, encoding: "utf8" });
  if (r.status !== 0) fail(`${who}: python3 could not measure peak RSS: ${r.stderr.slice(0, 500)}`);
  const [head, ...rest] = r.stdout.split("\n");
  const [code, mib] = head.split(" ");
  if (code !== "0") fail(`${who} cold run exited ${code}`);
  checkAnswer(who, rest.join("").trim(), "first");
  return Number(mib);
}

async function measure(dir, resultsFile, runs) {
  const jar = process.env.OUR_JAR;
  const javaFull = process.env.JAVA_FULL;
  const javaTier1 = process.env.JAVA_TIER1 || "java";
  if (!jar || !javaFull) fail("OUR_JAR and JAVA_FULL must be set (bench/compare.sh sets them)");
  const settings = JSON.parse(readFileSync(join(dir, "env.json"), "utf8"));
  const base = { ...process.env };
  delete base.JAVA_TOOL_OPTIONS; // the flags are given on the command line, so each row has exactly its own
  const oursEnv = { ...base, ...settings.ours };
  const peerEnv = { ...base, ...settings.peer };
  const first = readFileSync(join(dir, "event.json"), "utf8").trim();
  const events = readFileSync(join(dir, "events.jsonl"), "utf8").split("\n").filter((l) => l.trim());
  const warmup = join(dir, "warmup.jsonl");
  const warmupCount = readFileSync(warmup, "utf8").split("\n").filter((l) => l.trim()).length;
  const node = process.execPath;
  const peerScript = join(here, "authorizer.mjs");
  const version = (java) => spawnSync(java, ["-version"], { encoding: "utf8" }).stderr.split("\n")[0];

  const samples = { coldOurs: [], coldPeer: [], freshOurs: [], freshPeer: [], primedFullOurs: [], primedTier1Ours: [],
    primedPeer: [], rssOurs: [], rssPeer: [], coldOursOneCpu: [], coldPeerOneCpu: [] };
  const oneCpu = spawnSync(ONE_CPU[0], ["-c", "0", "true"]).status === 0;
  for (let round = 0; round <= runs; round++) {
    // Alternate which side goes first, round by round.
    const pairs = [
      [() => stream("ours, fresh, tier 1", [javaTier1, ...TIER1, "-jar", jar, "replay", "-"], oursEnv, first, events),
        (r) => { samples.coldOurs.push(r.cold); samples.freshOurs.push(r.perToken); }],
      [() => stream("peer, fresh", [node, peerScript, "stream"], peerEnv, first, events),
        (r) => { samples.coldPeer.push(r.cold); samples.freshPeer.push(r.perToken); }],
      [() => stream("ours, primed, full JIT", [javaFull, "-jar", jar, "replay", "--prime", "-"], oursEnv, first, events),
        (r) => samples.primedFullOurs.push(r.perToken)],
      [() => stream("peer, warmed up", [node, peerScript, "stream", warmup], peerEnv, first, events),
        (r) => samples.primedPeer.push(r.perToken)],
      [() => stream("ours, primed, tier 1", [javaTier1, ...TIER1, "-jar", jar, "replay", "--prime", "-"], oursEnv, first, events),
        (r) => samples.primedTier1Ours.push(r.perToken)],
      ...(oneCpu ? [
        [() => stream("ours, fresh, tier 1, one CPU", [...ONE_CPU, javaTier1, ...TIER1, "-jar", jar, "replay", "-"], oursEnv, first, events.slice(0, 1)),
          (r) => samples.coldOursOneCpu.push(r.cold)],
        [() => stream("peer, fresh, one CPU", [...ONE_CPU, node, peerScript, "stream"], peerEnv, first, events.slice(0, 1)),
          (r) => samples.coldPeerOneCpu.push(r.cold)],
      ] : []),
      [() => peakRss("ours, cold run", [javaTier1, ...TIER1, "-jar", jar, "invoke", "-e", join(dir, "event.json")], oursEnv),
        (mib) => samples.rssOurs.push(mib)],
      [() => peakRss("peer, cold run", [node, peerScript, "invoke", join(dir, "event.json")], peerEnv),
        (mib) => samples.rssPeer.push(mib)],
    ];
    const order = round % 2 === 0 ? pairs : [...pairs].reverse();
    for (const [run, record] of order) {
      const result = await run();
      if (round > 0) record(result); // round 0 only warms the page cache and the machine
    }
    process.stderr.write(`compare: round ${round}/${runs} done\n`);
  }
  const results = {
    machine: `${spawnSync("nproc").stdout.toString().trim()} cores, ${process.arch}; node ${process.version}`,
    full: version(javaFull), tier1: version(javaTier1), events: events.length, warmup: warmupCount, runs, samples,
  };
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + "\n");
}

/** RS256 + ACCP overhead over the bare check from a JMH output, in percent (null if absent). */
function jmhOverhead(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  // The summary line: "WarmPathBenchmark.decision  RS256  accp  avgt  5  28.575 ± 2.200  us/op"
  const score = (bench) => {
    const line = text.split("\n").find((l) => new RegExp(`^WarmPathBenchmark\\.${bench}\\s+RS256\\s+accp\\s`).test(l));
    return line ? Number(line.trim().split(/\s+/).at(-4)) : null;
  };
  const decision = score("decision");
  const floor = score("signatureOnly");
  return decision && floor ? { decision, floor, overhead: ((decision - floor) / floor) * 100 } : null;
}

function report(resultsFile, jmhFull, jmhTier1) {
  const r = JSON.parse(readFileSync(resultsFile, "utf8"));
  const s = r.samples;
  // The ratio is the median of the per-round ratios (each round runs ours and the peer back to
  // back), so drift between rounds cancels; its quartiles show the noise.
  const quartiles = (xs) => { const v = [...xs].sort((a, b) => a - b); return [v[Math.floor((v.length - 1) / 4)], v[Math.ceil(((v.length - 1) * 3) / 4)]]; };
  const rows = [];
  const ratioRow = (figure, ours, peer, unit, digits, target) => {
    const ratios = ours.map((x, i) => x / peer[i]);
    const o = median(ours), p = median(peer), ratio = median(ratios);
    const [q1, q3] = quartiles(ratios);
    rows.push([figure, `${o.toFixed(digits)} ${unit}`, `${p.toFixed(digits)} ${unit}`, `${ratio.toFixed(2)}x`,
      target === null ? "none" : `≤ ${target.toFixed(2)}x`, target === null ? "-" : ratio <= target ? "met" : "NOT met",
      `${q1.toFixed(2)}-${q3.toFixed(2)}x`]);
  };
  ratioRow("1 cold start, fresh process, tier 1, no CDS archive", s.coldOurs.map((x) => x * 1000), s.coldPeer.map((x) => x * 1000), "ms", 0, 1.0);
  if (s.coldOursOneCpu?.length) {
    ratioRow("1b the same, both sides on one CPU (taskset -c 0)", s.coldOursOneCpu.map((x) => x * 1000), s.coldPeerOneCpu.map((x) => x * 1000), "ms", 0, null);
  }
  ratioRow(`2 next ${r.events} tokens after --prime, full JIT (JDK 25)`, s.primedFullOurs, s.primedPeer, "µs", 1, 0.75);
  ratioRow(`3 next ${r.events} tokens after --prime, tier 1`, s.primedTier1Ours, s.primedPeer, "µs", 1, 0.75);
  ratioRow(`4 first ${r.events} tokens of a fresh process, tier 1`, s.freshOurs, s.freshPeer, "µs", 1, 2.0);
  for (const [label, file] of [["full JIT (JDK 25)", jmhFull], ["tier 1", jmhTier1]]) {
    const j = file && jmhOverhead(file);
    rows.push([`5 steady state RS256 overhead over the bare check, JMH, ACCP, ${label}`,
      j ? `${j.overhead.toFixed(0)}% (${j.decision.toFixed(1)} over ${j.floor.toFixed(1)} µs)` : "not run", "-", "-", "< 15%",
      j ? (j.overhead < 15 ? "met" : "NOT met") : "-", "see JMH's ± in jmh-*.txt"]);
  }
  const rss = median(s.rssOurs);
  rows.push(["6 peak RSS of a cold run (one event, tier 1)", `${rss.toFixed(0)} MiB`, `${median(s.rssPeer).toFixed(0)} MiB`,
    `${(rss / median(s.rssPeer)).toFixed(2)}x`, "< 64 MiB", rss < 64 ? "met" : "NOT met", `${Math.min(...s.rssOurs).toFixed(0)}-${Math.max(...s.rssOurs).toFixed(0)} MiB`]);

  console.log(`machine: ${r.machine}`);
  console.log(`full JIT: ${r.full}; tier 1: ${r.tier1} with ${TIER1.join(" ")}`);
  console.log(`${r.events} distinct RS256 tokens; peer warm-up before the primed rows: ${r.warmup} events; ` +
    `medians of ${r.runs} alternating rounds (+1 discarded); ratio: median of the per-round ratios; noise: their quartiles`);
  const header = ["figure", "ours", "peer", "ratio", "target", "status", "noise"];
  console.log(`| ${header.join(" | ")} |`);
  console.log(`| ${header.map(() => "---").join(" | ")} |`);
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === "measure") await measure(args[0], args[1], Number(args[2] ?? 5));
else if (mode === "report") report(args[0], args[1], args[2]);
else fail("usage: node compare.mjs measure FIXTURE_DIR RESULTS.json RUNS | report RESULTS.json [JMH_FULL.txt JMH_TIER1.txt]");
