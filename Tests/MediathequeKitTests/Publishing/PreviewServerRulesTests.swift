import Foundation
import HTTPTypes
import Testing
@testable import MediathequeServe

/// The preview server's rules, by case, and against the shipped configurations they copy:
/// the same content types and private-path headers as `deploy/` (the HTTP checks of
/// `WebServerConfigurationTests` then ask the three servers the same questions).
@Suite struct PreviewServerRulesTests {
    private let nginx: String
    private let caddy: String

    init() throws {
        let deploy = Repository.root.appendingPathComponent("deploy")
        nginx = try String(contentsOf: deploy.appendingPathComponent("nginx/mediatheque-bundle.conf"), encoding: .utf8)
        caddy = try String(contentsOf: deploy.appendingPathComponent("caddy/Caddyfile"), encoding: .utf8)
    }

    @Test func theContentTypesAreNginxs() throws {
        let block = try #require(nginx.range(of: "types {").flatMap { start in
            nginx[start.upperBound...].range(of: "}").map { nginx[start.upperBound..<$0.lowerBound] }
        })
        let charsetLine = try #require(nginx.split(separator: "\n").first { $0.hasPrefix("charset_types ") })
        // nginx adds the charset to text/html and to the charset_types.
        let withCharset = Set(charsetLine.dropLast().split(separator: " ").dropFirst().map(String.init) + ["text/html"])
        var types: [String: String] = [:]
        for line in block.split(separator: "\n") {
            let words = line.trimmingCharacters(in: .whitespaces).dropLast().split(separator: " ").map(String.init)
            guard let type = words.first else { continue }
            for extensionName in words.dropFirst() {
                types[extensionName] = withCharset.contains(type) ? type + "; charset=utf-8" : type
            }
        }
        #expect(ResponseRules.contentTypes == types)
    }

    @Test func theContentTypesAreCaddys() {
        let lines = caddy.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var checked = 0
        for line in lines where line.hasPrefix("header @") && line.contains(" Content-Type ") {
            let matcher = line.dropFirst("header @".count).prefix { $0 != " " }
            let type = line.split(separator: "\"")[1]
            guard let path = lines.first(where: { $0.hasPrefix("@\(matcher) path ") }) else { continue }
            for pattern in path.split(separator: " ").dropFirst(2) where pattern.hasPrefix("*.") {
                #expect(ResponseRules.contentTypes[String(pattern.dropFirst(2))] == String(type), "\(pattern)")
                checked += 1
            }
        }
        #expect(checked >= 8)
    }

    @Test func thePrivatePathsHeadersAreNginxsAndCaddys() {
        for field in ResponseRules.privatePath {
            let value = field.value.contains(" ") ? "\"\(field.value)\"" : field.value
            #expect(nginx.contains("add_header \(field.name.rawName) \(value) always;"), "\(field.name)")
            #expect(caddy.contains("header \(field.name.rawName) \(value)\n"), "\(field.name)")
        }
        #expect(nginx.contains("add_header X-Content-Type-Options nosniff always;"))
        #expect(caddy.contains("header X-Content-Type-Options nosniff\n"))
    }

    @Test func routes() {
        let cases: [(String, BundleRoute)] = [
            ("/", .file(.public, "")),
            ("/agenda/", .file(.public, "agenda/")),
            ("/agenda.ics", .file(.public, "agenda.ics")),
            ("/espace/0123/prets.html", .file(.private, "0123/prets.html")),
            ("/%65space/0123/", .file(.private, "0123/")),
            ("/espace/", .notFound(.private)),
            ("/espace", .notFound(.private)),
            ("/espace/0123/../../build-manifest.tsv", .notFound(.private)),
            ("/espace/..%2fbuild-manifest.tsv", .notFound(.private)),
            ("/%2e%2e/_site.previous/public/index.html", .notFound(.public)),
            ("/./index.html", .notFound(.public)),
            ("/a%00b", .notFound(.public)),
            ("/a%5c..", .notFound(.public)),
            ("/%zz", .notFound(.public)),
            ("/espacement/", .file(.public, "espacement/")),
            // Repeated slashes are one, as nginx merges them: a redirect never starts with //.
            ("//agenda", .file(.public, "agenda")),
            ("/agenda//", .file(.public, "agenda/")),
            ("//espace//0123/", .file(.private, "0123/")),
        ]
        for (path, route) in cases {
            #expect(BundleRoute.resolve(path, privatePath: "/espace/") == route, "\(path)")
        }
    }

    @Test func gzipIsSentWhenTheClientTakesIt() {
        #expect(ResponseRules.acceptsGzip("gzip, deflate, br"))
        #expect(ResponseRules.acceptsGzip("br;q=1.0, GZIP;q=0.5"))
        #expect(ResponseRules.acceptsGzip("x-gzip"))
        #expect(!ResponseRules.acceptsGzip("gzip;q=0"))
        #expect(!ResponseRules.acceptsGzip("br, deflate"))
        #expect(!ResponseRules.acceptsGzip(nil))
    }

    @Test func theReloadScriptGoesBeforeTheLastBodyEnd() {
        let page = Array("<html><body><p>a</p></body></html>".utf8)
        let injected = String(decoding: LiveReload.inject(into: page, generation: 3), as: UTF8.self)
        #expect(injected.hasPrefix("<html><body><p>a</p><script>"))
        #expect(injected.hasSuffix("</script></body></html>"))
        #expect(injected.contains("var g=3;"))
        #expect(String(decoding: LiveReload.inject(into: Array("text".utf8), generation: 0), as: UTF8.self).hasPrefix("text<script>"))
    }
}
