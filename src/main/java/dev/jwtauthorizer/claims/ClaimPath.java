package dev.jwtauthorizer.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where one claim is found in a token's payload, read once from configuration. Either the exact name
 * of a top-level claim ({@code sub}, {@code cognito:groups}, {@code https://example.com/roles}), or a
 * JSON Pointer (RFC 6901) that starts with {@code /} and names object members one by one
 * ({@code /realm_access/roles}; {@code ~1} stands for {@code /} and {@code ~0} for {@code ~} inside a
 * member's name, so {@code /a.b} is the top-level claim {@code a.b}). Pointers step through objects
 * only, never into array elements.
 *
 * <p>A name means exactly one claim: there is no fallback from a missing claim to some other reading
 * of its name, since a fallback lets a token choose which claim answers (a rule on
 * {@code https://example.com/roles} met by {@code {"https://example": {"com/roles": [...]}}}). A plain
 * name with a dot and neither {@code :} nor {@code /} is refused as ambiguous: it used to be a path,
 * and the writer must now say which claim they mean.
 */
public final class ClaimPath {
    private final String text;
    /** Object member names from the top of the payload; one for a top-level claim. Never exposed. */
    private final String[] members;
    private final boolean spaceSeparated;

    private ClaimPath(String text, String[] members) {
        this.text = text;
        this.members = members;
        // RFC 8693 section 4.2 (scope) and Azure AD's scp: one string of space-separated values.
        this.spaceSeparated = members.length == 1 && (members[0].equals("scope") || members[0].equals("scp"));
    }

    /**
     * Reads a claim name or pointer as configured.
     *
     * @throws IllegalArgumentException saying what is wrong and what to write instead
     */
    public static ClaimPath parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a claim name must not be empty");
        }
        if (!text.strip().equals(text)) {
            throw new IllegalArgumentException("claim \"" + text + "\" starts or ends with whitespace; write \""
                    + text.strip() + "\"");
        }
        if (text.startsWith("/")) {
            return new ClaimPath(text, pointerMembers(text));
        }
        if (text.indexOf('.') >= 0 && text.indexOf(':') < 0 && text.indexOf('/') < 0) {
            throw new IllegalArgumentException(ambiguous(text));
        }
        return new ClaimPath(text, new String[] {text});
    }

    /** The claim's value in these claims (any JSON type), or null when it is absent. */
    public Object resolve(Map<String, ?> claims) {
        Object value = claims.get(members[0]);
        for (int i = 1; i < members.length && value != null; i++) {
            value = value instanceof Map<?, ?> object ? object.get(members[i]) : null;
        }
        return value;
    }

    /** True for the top-level {@code scope} and {@code scp} claims, whose string is a list of words. */
    public boolean isSpaceSeparated() {
        return spaceSeparated;
    }

    /** The name or pointer exactly as configured: how messages and the authorizer context refer to it. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Equal when they find the same claim: {@code scope} equals {@code /scope}. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ClaimPath path && Arrays.equals(members, path.members);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(members);
    }

    private static String[] pointerMembers(String pointer) {
        List<String> members = new ArrayList<>();
        StringBuilder member = new StringBuilder();
        for (int i = 1; i <= pointer.length(); i++) {
            char c = i < pointer.length() ? pointer.charAt(i) : '/';
            if (c == '/') {
                if (member.isEmpty()) {
                    // RFC 6901 allows "" as a member name; no issuer uses it, and "//" is far likelier a typo.
                    throw new IllegalArgumentException("claim \"" + pointer + "\" has an empty step: a pointer is "
                            + "\"/\" followed by a member name, for each level, as in \"/realm_access/roles\"");
                }
                members.add(member.toString());
                member.setLength(0);
            } else if (c == '~') {
                char next = i + 1 < pointer.length() ? pointer.charAt(i + 1) : 0;
                if (next != '0' && next != '1') {
                    throw new IllegalArgumentException("claim \"" + pointer + "\": in a pointer, \"~\" is written "
                            + "\"~0\" and \"/\" inside a name is written \"~1\"");
                }
                member.append(next == '0' ? '~' : '/');
                i++;
            } else {
                member.append(c);
            }
        }
        return members.toArray(String[]::new);
    }

    /** The refusal of a dotted plain name, with both pointers it could have meant. */
    private static String ambiguous(String name) {
        String escaped = name.replace("~", "~0");
        String topLevel = "\"/" + escaped + "\" for a top-level claim of that name";
        boolean nestable = !name.startsWith(".") && !name.endsWith(".") && !name.contains("..");
        return "claim \"" + name + "\" is ambiguous: write "
                + (nestable ? "\"/" + escaped.replace('.', '/') + "\" for the nested claim, or " + topLevel
                        : topLevel + ", or a pointer such as \"/realm_access/roles\" for a nested claim");
    }
}
