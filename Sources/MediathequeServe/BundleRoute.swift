/// Where a request's path leads in a bundle, mapped as the production configurations map it
/// (`deploy/`, docs/deploy.md): `public/` at `/`, `private/` under the private path, and
/// nothing else (not the bundle's root, its manifest, `<out>.previous` nor a staging folder).
enum BundleRoute: Equatable {
    /// The two folders a server maps.
    enum Area: String { case `public`, `private` }

    /// A file or folder of `area`: its path in it, decoded, without a dot segment, ending
    /// in `/` for a folder (the empty path is the folder itself).
    case file(Area, String)
    /// Not in the bundle, answered with its 404 page and the headers of `area`.
    case notFound(Area)

    /// Maps `path` (as requested: percent-encoded, without its query) under `privatePath`
    /// (`/espace/`: the path of `private_base_url`, both slashes).
    ///
    /// Repeated slashes are one, as nginx merges them (`//agenda` is `/agenda`). A dot
    /// segment, or an encoded slash, NUL or backslash, answers not found: browsers
    /// resolve dot segments before they ask, so only a probe sends one. The private path
    /// itself lists nothing and confirms nothing: it is not found, with or without its slash.
    static func resolve(_ path: String, privatePath: String) -> BundleRoute {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        // The last segment is empty for a folder, asked with its slash.
        let names = (segments.dropLast().filter { !$0.isEmpty } + segments.suffix(1)).map { $0.removingPercentEncoding }
        let decoded = "/" + names.map { $0 ?? "" }.joined(separator: "/")
        let area: Area = decoded.hasPrefix(privatePath) || decoded + "/" == privatePath ? .private : .public
        guard path.hasPrefix("/"), names.allSatisfy({ name in
            guard let name else { return false }
            return name != "." && name != ".." && !name.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" })
        }) else { return .notFound(area) }
        switch area {
        case .private:
            let inside = String(decoded.dropFirst(privatePath.count))
            return inside.isEmpty ? .notFound(.private) : .file(.private, inside)
        case .public:
            return .file(.public, String(decoded.dropFirst()))
        }
    }
}
