import ServiceLifecycle

/// Reloads the pages open in browsers when the bundle is rebuilt, as `hugo server` does:
/// each page the preview sends in watch mode carries ``script(generation:)``, which asks
/// ``path`` by long poll for a bundle newer than its own and reloads the page when one comes.
actor LiveReload {
    /// Reserved: the bundle has no folder whose name starts with a dot.
    static let path = "/.mediatheque/reload"
    /// How long a poll waits before it is answered with the same generation (and asked again).
    static let pollSeconds = 25

    /// How many bundles were swapped in since the server started.
    private(set) var generation = 0
    private var waiting: [Int: CheckedContinuation<Int, Never>] = [:]
    private var nextWaiter = 0
    private var stopped = false

    /// A completed bundle was swapped in: every waiting page reloads.
    func bundleChanged() {
        generation += 1
        releaseAll()
    }

    /// The first generation after `known`, or the current one after ``pollSeconds`` or
    /// once the server stops.
    func next(after known: Int) async -> Int {
        guard generation <= known, !stopped else { return generation }
        let id = nextWaiter
        nextWaiter += 1
        Task { [self] in
            try? await Task.sleep(for: .seconds(Self.pollSeconds))
            await release(id)
        }
        return await withCheckedContinuation { waiting[id] = $0 }
    }

    /// Answers every waiting poll: a graceful shutdown waits for open requests.
    func stop() {
        stopped = true
        releaseAll()
    }

    private func release(_ id: Int) {
        waiting.removeValue(forKey: id)?.resume(returning: generation)
    }

    private func releaseAll() {
        for continuation in waiting.values { continuation.resume(returning: generation) }
        waiting = [:]
    }

    /// The script added before `</body>` of every HTML page sent in watch mode (never on disk).
    static func script(generation: Int) -> String {
        """
        <script>/* mediatheque serve --watch */(function(){var g=\(generation);function ask(){\
        fetch("\(path)?after="+g,{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){\
        if(parseInt(t,10)>g){location.reload()}else{ask()}},function(){setTimeout(ask,2000)})}ask()})();</script>
        """
    }

    /// `page` with ``script(generation:)`` before its last `</body>`, or at its end.
    static func inject(into page: [UInt8], generation: Int) -> [UInt8] {
        let script = Array(self.script(generation: generation).utf8), end = Array("</body>".utf8)
        guard page.count >= end.count,
              let at = stride(from: page.count - end.count, through: 0, by: -1).first(where: { page[$0..<$0 + end.count].elementsEqual(end) })
        else { return page + script }
        return Array(page[..<at]) + script + Array(page[at...])
    }
}

/// Ends the waiting polls when the server is asked to stop.
struct LiveReloadService: Service {
    let reload: LiveReload

    func run() async throws {
        try? await gracefulShutdown()
        await reload.stop()
    }
}
