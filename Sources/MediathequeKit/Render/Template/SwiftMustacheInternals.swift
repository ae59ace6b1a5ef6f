import Mustache

/// What the build's renderer reads of swift-mustache's internals, and the check that they
/// still read as they did in 2.1.1.
///
/// ``CompiledTemplate`` reads a parsed template's stored `tokens` through `Mirror`, each a
/// case of the internal `MustacheTemplate.Token` read by its name and payload. Nothing in
/// swift-mustache's API promises that shape, and a new version may change it, or what a
/// field means, without a word. So a probe that holds every kind of token is read once per
/// process and must give exactly the tree 2.1.1 gives; if it does not, no template is
/// compiled, every page is rendered by swift-mustache (the same bytes, more slowly), and
/// ``problem`` says what changed. Tests fail on it. See `UPGRADING.md` beside this file.
enum SwiftMustacheInternals {
    /// A parse that does not read as swift-mustache 2.1.1's.
    struct Change: Error, CustomStringConvertible {
        var description: String

        init(_ description: String) { self.description = description }
    }

    /// What of swift-mustache's internals does not read as 2.1.1's did; `nil` when all does.
    static let problem: String? = {
        do {
            let probe = try read(Probe.features)
            guard probe == Probe.tree else {
                return "the probe \(Probe.features.debugDescription) reads as \(String(describing: probe)), not as \(Probe.tree)"
            }
            for feature in Probe.swiftMustacheOnly {
                if try read(feature) != nil { return "\(feature.debugDescription) is read as a feature the build renders" }
            }
            return nil
        } catch {
            return "\(error)"
        }
    }()

    private static func read(_ text: String) throws -> [TemplateNode]? {
        try CompiledTemplate.read(try MustacheTemplate(string: text))?.nodes
    }

    /// Every kind of token: those the build renders, and the tree swift-mustache 2.1.1's parse
    /// of them gives; then those it leaves to swift-mustache.
    enum Probe {
        static let features = "a{{v}}{{{u}}}{{&w}}{{#s.t}}x{{/s.t}}{{^.i}}y{{/.i}}{{.}}\n  {{>p}}\n{{<q}}{{$b}}o{{/b}}{{/q}}\n  {{$c}}\n  d\n  {{/c}}\n"
        static let tree: [TemplateNode] = [
            text("a"), .variable(name("v"), escaped: true), .variable(name("u"), escaped: false),
            .variable(name("w"), escaped: false), .section(name("s.t"), [text("x")], inverted: false),
            .section(name(".i"), [text("y")], inverted: true), .variable(name("."), escaped: true), text("\n"),
            text("  "), .partial("p", indentation: "  ", overrides: nil),
            .partial("q", indentation: "", overrides: ["b": CompiledTemplate(nodes: [text("o")])]), text("\n"),
            text("  "), .block("c", [text("  d\n")], indentation: "  "),
        ]
        /// A token each, of the kinds left to swift-mustache.
        static let swiftMustacheOnly = [
            "{{f(v)}}", "{{{f(v)}}}", "{{#f(v)}}x{{/f(v)}}", "{{^f(v)}}x{{/f(v)}}", "{{>*d}}", "{{% CONTENT_TYPE: TEXT}}",
        ]

        private static func text(_ text: String) -> TemplateNode { .text(Array(text.utf8)) }
        private static func name(_ name: String) -> TemplateName { TemplateName(name) }
    }
}
