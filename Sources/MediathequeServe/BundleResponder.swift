import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Answers requests from a bundle as production serves it (``BundleRoute``, ``ResponseRules``):
/// each request reads the bundle at `--out` afresh, so a rebuild's atomic swap is seen whole
/// by the next request, and a file opened before it is sent as it was.
struct BundleResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// The bundle's folder (`--out`).
    let bundle: String
    /// The path of `private_base_url`, both slashes (`/espace/`).
    let privatePath: String
    /// In watch mode, what tells open pages to reload.
    let reload: LiveReload?

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: ResponseRules.everywhere + [.allow: "GET, HEAD"])
        }
        let response = try await answer(request)
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func answer(_ request: Request) async throws -> Response {
        let path = request.uri.path
        if let reload, path == LiveReload.path {
            let known = request.uri.queryParameters.get("after", as: Int.self) ?? 0
            let generation = await reload.next(after: known)
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: String(generation))))
        }
        switch BundleRoute.resolve(path, privatePath: privatePath) {
        case .notFound(let area): return try await notFound(in: area)
        case .file(let area, let inside): return try await file(inside, of: area, request)
        }
    }

    /// A file, a folder's index.html, or a folder asked without its slash.
    private func file(_ inside: String, of area: BundleRoute.Area, _ request: Request) async throws -> Response {
        let folder = "\(bundle)/\(area.rawValue)/"
        let asksFolder = inside.isEmpty || inside.hasSuffix("/")
        let name = asksFolder ? inside + "index.html" : inside
        guard let opened = OpenFile(folder + name) else {
            var isFolder: ObjCBool = false
            if !asksFolder, FileManager.default.fileExists(atPath: folder + inside, isDirectory: &isFolder), isFolder.boolValue {
                // A folder asked without its slash: sent to it, as nginx does (absolute_redirect off), by
                // the path resolved (never the path asked: `//host` would name another site).
                let path = (area == .private ? privatePath : "/") + inside + "/"
                let location = (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
                    + (request.uri.query.map { "?" + $0 } ?? "")
                return Response(status: .movedPermanently, headers: ResponseRules.headers(for: area) + [.location: location])
            }
            return try await notFound(in: area)
        }
        let type = ResponseRules.contentType(of: name)
        var headers = ResponseRules.headers(for: area) + [.contentType: type]
        if let reload, type == ResponseRules.html {
            let page = LiveReload.inject(into: try opened.bytes(), generation: await reload.generation)
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: page)))
        }
        guard let sibling = OpenFile(folder + name + ".gz") else {
            return Response(status: .ok, headers: headers, body: opened.body)
        }
        headers[.vary] = "Accept-Encoding"
        guard ResponseRules.acceptsGzip(request.headers[.acceptEncoding]) else {
            return Response(status: .ok, headers: headers, body: opened.body)
        }
        headers[.contentEncoding] = "gzip"
        return Response(status: .ok, headers: headers, body: sibling.body)
    }

    /// The bundle's own 404 page, with the headers of `area`.
    private func notFound(in area: BundleRoute.Area) async throws -> Response {
        let headers = ResponseRules.headers(for: area) + [.contentType: ResponseRules.html]
        guard let page = OpenFile("\(bundle)/public/404.html") else {
            return Response(status: .notFound, headers: headers)
        }
        guard let reload else { return Response(status: .notFound, headers: headers, body: page.body) }
        let injected = LiveReload.inject(into: try page.bytes(), generation: await reload.generation)
        return Response(status: .notFound, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: injected)))
    }
}
