package dev.jwtauthorizer.serve.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jwtauthorizer.template.CloudFormationYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The YAML reader gives the values CloudFormation reads from a template, and refuses, naming the
 * line, what it does not support rather than reading it differently.
 */
class YamlTest {

    @Test
    void readsTheProjectTemplateAsAFullYamlParserWithCloudFormationTagsDoes() throws Exception {
        Path template = Path.of("template.yaml");
        Object ours = Yaml.parse(Files.readString(template));
        assertEquals(plain(CloudFormationYaml.read(template)), ours);
    }

    @Test
    void blockMappingsKeepDocumentOrderAndNest() {
        Object value = Yaml.parse("""
                b: 1
                a:
                  z: x
                  y:
                    deep: true
                c: last
                """);
        assertEquals(List.of("b", "a", "c"), new ArrayList<>(map(value).keySet()));
        assertEquals(Map.of("z", "x", "y", Map.of("deep", "true")), map(value).get("a"));
    }

    @Test
    void sequencesOfScalarsMappingsAndSequences() {
        Object value = Yaml.parse("""
                plain:
                  - a
                  - b
                atKeyIndent:
                - c
                items:
                  - Name: service
                    Value: x
                  - Name: outcome
                    Value: ERROR
                nested:
                  - - 1
                    - 2
                  - -
                    - 3
                """);
        assertEquals(List.of("a", "b"), map(value).get("plain"));
        assertEquals(List.of("c"), map(value).get("atKeyIndent"));
        assertEquals(List.of(Map.of("Name", "service", "Value", "x"), Map.of("Name", "outcome", "Value", "ERROR")),
                map(value).get("items"));
        assertEquals(Arrays.asList(List.of("1", "2"), Arrays.asList(null, "3")), map(value).get("nested"));
    }

    @Test
    void flowCollectionsNestAndMayGoOnOverSeveralLines() {
        Object value = Yaml.parse("""
                list: [a, 'b, c', "d", [e], {f: g}, ]
                map: {Headers: [Authorization], QueryStrings: [], Empty: }
                url: [http://x.example/a:b]
                long: [1,
                       2,   # a comment inside
                       3]
                """);
        assertEquals(List.of("a", "b, c", "d", List.of("e"), Map.of("f", "g")), map(value).get("list"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("Headers", List.of("Authorization"));
        expected.put("QueryStrings", List.of());
        expected.put("Empty", null);
        assertEquals(expected, map(value).get("map"));
        assertEquals(List.of("http://x.example/a:b"), map(value).get("url"));
        assertEquals(List.of("1", "2", "3"), map(value).get("long"));
    }

    @Test
    void scalarsAreStringsAndNullIsNull() {
        Map<String, Object> value = map(Yaml.parse("""
                number: 300
                float: 2.0
                yes: true
                tilde: ~
                word: null
                empty:
                quotedEmpty: ''
                spaced:   text with  spaces   
                continued: first line
                  and the second
                """));
        assertEquals("300", value.get("number"));
        assertEquals("2.0", value.get("float"));
        assertEquals("true", value.get("yes"));
        assertNull(value.get("tilde"));
        assertNull(value.get("word"));
        assertTrue(value.containsKey("empty"));
        assertNull(value.get("empty"));
        assertEquals("", value.get("quotedEmpty"));
        assertEquals("text with  spaces", value.get("spaced"));
        assertEquals("first line and the second", value.get("continued"));
    }

    @Test
    void quotedScalarsUnescape() {
        Map<String, Object> value = map(Yaml.parse("""
                single: 'it''s # not a comment: really'
                double: "tab\\there \\"quoted\\" back\\\\slash \\u00e9\\x41 line\\nbreak"
                'quoted key': v
                "other: key": w
                """));
        assertEquals("it's # not a comment: really", value.get("single"));
        assertEquals("tab\there \"quoted\" back\\slash \u00e9A line\nbreak", value.get("double"));
        assertEquals("v", value.get("quoted key"));
        assertEquals("w", value.get("other: key"));
    }

    @Test
    void commentsAreDroppedOutsideQuotes() {
        Map<String, Object> value = map(Yaml.parse("""
                # a whole line
                a: b # after a value
                c: d#not-a-comment
                e: '# inside quotes'
                  # indented comment
                f: [x] # after a flow value
                """));
        assertEquals(Map.of("a", "b", "c", "d#not-a-comment", "e", "# inside quotes", "f", List.of("x")), value);
    }

    @Test
    void literalBlockScalarsKeepLineBreaksWithEachChomping() {
        Map<String, Object> value = map(Yaml.parse("""
                clip: |
                  one
                    indented
                  # kept, this is content

                strip: |-
                  one
                  two
                keep: |+
                  one


                indicated: |2
                     three spaces kept
                after: x
                """));
        assertEquals("one\n  indented\n# kept, this is content\n", value.get("clip"));
        assertEquals("one\ntwo", value.get("strip"));
        assertEquals("one\n\n\n", value.get("keep"));
        assertEquals("   three spaces kept\n", value.get("indicated"));
        assertEquals("x", value.get("after"));
    }

    @Test
    void foldedBlockScalarsJoinLinesExceptAroundEmptyAndIndentedOnes() {
        Map<String, Object> value = map(Yaml.parse("""
                folded: >
                  one
                  two

                  three
                    indented
                  four
                stripped: >-
                  a
                  b
                """));
        assertEquals("one two\nthree\n  indented\nfour\n", value.get("folded"));
        assertEquals("a b", value.get("stripped"));
    }

    @Test
    void shortTagsBecomeCloudFormationsLongForm() {
        Map<String, Object> value = map(Yaml.parse("""
                ref: !Ref Param
                sub: !Sub '${AWS::StackName}-x'
                getAtt: !GetAtt Role.Arn
                getAttNested: !GetAtt Stack.Outputs.Url
                getAttList: !GetAtt [Role, Arn]
                condition: !Not [!Equals [!Ref A, '']]
                block: !If
                  - Cond
                  - [!Ref B]
                  - !Ref AWS::NoValue
                items:
                  - !Join [',', [a, b]]
                  - !Sub |
                    line ${X}
                """));
        assertEquals(Map.of("Ref", "Param"), value.get("ref"));
        assertEquals(Map.of("Fn::Sub", "${AWS::StackName}-x"), value.get("sub"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Role", "Arn")), value.get("getAtt"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Stack", "Outputs.Url")), value.get("getAttNested"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Role", "Arn")), value.get("getAttList"));
        assertEquals(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "A"), "")))), value.get("condition"));
        assertEquals(Map.of("Fn::If", List.of("Cond", List.of(Map.of("Ref", "B")), Map.of("Ref", "AWS::NoValue"))),
                value.get("block"));
        assertEquals(List.of(Map.of("Fn::Join", List.of(",", List.of("a", "b"))), Map.of("Fn::Sub", "line ${X}\n")),
                value.get("items"));
    }

    @Test
    void oneLeadingDocumentMarkerIsAccepted() {
        assertEquals(Map.of("a", "b"), Yaml.parse("---\na: b\n"));
        assertEquals(Map.of("a", "b"), Yaml.parse("# header\n--- # comment\na: b\n"));
        assertNull(Yaml.parse("# nothing\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "anchor           | a: 1\\nb: &x 2\\n                 | 2 | anchors and aliases",
            "alias            | a: 1\\nb: *x\\n                   | 2 | anchors and aliases",
            "anchor in item   | a:\\n  - &x 2\\n                 | 2 | anchors and aliases",
            "alias in flow    | a: [1, *x]\\n                    | 1 | anchors and aliases",
            "merge key        | a: 1\\nb:\\n  <<: {c: d}\\n        | 3 | merge keys",
            "complex key      | a: 1\\n? b\\n: c\\n               | 2 | complex mapping keys",
            "flow key         | a: 1\\n[b, c]: d\\n              | 2 | complex mapping keys",
            "second document  | a: 1\\n---\\nb: 2\\n             | 2 | several documents",
            "end marker       | a: 1\\n...\\n                    | 2 | several documents",
            "tab indentation  | a:\\n\\tb: 1\\n                  | 2 | tabs",
            "unknown tag      | a: 1\\nb: !Foo x\\n              | 2 | unsupported tag !Foo",
            "yaml tag         | a: !!str 1\\n                    | 1 | unsupported tag !!str",
            "open quote       | a: 1\\nb: 'x\\n  y'\\n           | 2 | must end on its line",
            "duplicate key    | a: 1\\nb: 2\\na: 3\\n            | 3 | duplicate key 'a'",
            "bad escape       | a: \"\\q\"\\n                      | 1 | unknown escape",
            "colon in plain   | a: b: c\\n                       | 1 | cannot hold ': '",
            "deeper line      | a:\\n  b: 1\\n    c: 2\\n          | 3 | unexpected indentation",
            "directive        | %YAML 1.2\\n---\\na: 1\\n         | 1 | directives",
            "open flow        | a: [1, 2\\n                      | 1 | flow collection not closed",
            "seq in mapping   | a: 1\\n- b\\n                    | 2 | expected 'key: value'",
    })
    void unsupportedYamlIsRefusedNamingTheLine(String name, String text, int line, String message) {
        String yaml = text.strip().replace("\\n", "\n").replace("\\t", "\t");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Yaml.parse(yaml));
        assertTrue(e.getMessage().startsWith("line " + line + ": "), name + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(message.strip()), name + ": " + e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** Jackson's tree as this reader gives it: numbers and booleans as their text. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), plain(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isNull()) {
            return null;
        }
        return node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText();
    }
}
