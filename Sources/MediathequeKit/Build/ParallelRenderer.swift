import Foundation

/// Runs `work` on `workers` threads over the items `produce` emits on the calling thread.
///
/// The first error (from the producer or any worker) stops everything and is rethrown.
struct ParallelRenderer {
    var workers: Int

    init(workers: Int = ProcessInfo.processInfo.activeProcessorCount) { self.workers = max(1, workers) }

    func run<Item>(produce: (_ emit: (Item) throws -> Void) throws -> Void,
                   work: @escaping @Sendable (_ item: Item, _ worker: Int) throws -> Void) throws {
        // Deep enough to ride out the producer's slow stretches: on two cores it shares them with
        // the workers, and a queue of four items a worker left a tenth of the cores idle. Those
        // stretches do not grow with the number of workers: the depth is bounded all the same.
        let queue = WorkQueue<Item>(capacity: max(workers * 4, 256))
        let failure = FirstError()
        let group = DispatchGroup()
        for index in 0..<workers {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                while let item = queue.pop() {
                    do {
                        try work(item, index)
                    } catch {
                        failure.record(error)
                        queue.cancel()
                    }
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        do {
            try produce { item in
                if let error = failure.error { throw error }
                queue.push(item)
            }
            queue.close()
        } catch {
            failure.record(error)
            queue.cancel()
        }
        group.wait()
        if let error = failure.error { throw error }
    }
}
