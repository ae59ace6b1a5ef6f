import Testing
@testable import MediathequeKit

/// The export's JSON text, byte for byte: what it escapes and how it orders keys.
struct PrivateJSONTests {
    @Test func everyCharacterThatMattersIsEscapedAndTheRestIsAsIs() {
        let text = "Fée 雪 \"q\" \\ <b>&'\n\r\t\u{1}\u{7F}\u{85}\u{9F}\u{A0}\u{2027}\u{2028}\u{2029}"
        #expect(PrivateJSON.string(text).text == #""Fée 雪 \"q\" \\ \u003cb\u003e\u0026\u0027\n\r\t\u0001\u007f\u0085\u009f"#
            + "\u{A0}\u{2027}" + #"\u2028\u2029""# + "\n")
        #expect(PrivateJSON.string("Les Misérables").text == "\"Les Misérables\"\n")
    }

    @Test func keysAreInTheOrderOfTheirBytes() {
        let object = PrivateJSON.object(["é": .int(1), "z": .null, "Z": .bool(true), "a": .array([])])
        #expect(object.text == "{\n  \"Z\": true,\n  \"a\": [],\n  \"z\": null,\n  \"é\": 1\n}\n")
    }
}
