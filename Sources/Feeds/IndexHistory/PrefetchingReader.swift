import Foundation
import GitKit

/// Reads the models of a list of commits on a second thread, a few commits ahead of the
/// caller, so reading git objects (mostly zlib inflation) overlaps with building and writing
/// snapshots on the calling thread.
///
/// The thread opens its own `Repository`: libgit2 handles must not be shared between threads.
final class PrefetchingReader: @unchecked Sendable {  // all mutable state is guarded by `condition`
    /// One commit's models, and the invalid files first met while reading it.
    struct Item: Sendable {
        var models: CommitModels
        var invalidFiles: [InvalidIndexFile]
    }

    private let condition = NSCondition()
    private var ready: [Result<Item, GitError>] = []
    private var cancelled = false
    private let depth: Int

    /// Starts reading `commits` of the repository at `path`, in order.
    /// - Parameter depth: how many commits the thread may read ahead.
    init(repositoryPath path: String, commits: [ObjectID], depth: Int = 4) {
        self.depth = depth
        let thread = Thread { [self] in
            read(path: path, commits: commits)
        }
        thread.name = "seekgpu index reader"
        thread.start()
    }

    deinit { cancel() }

    /// The next commit's models, waiting for the thread if needed.
    func next() throws(GitError) -> Item {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty { condition.wait() }
        let result = ready.removeFirst()
        condition.broadcast()
        return try result.get()
    }

    /// Stops the thread after the commit it is reading.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func read(path: String, commits: [ObjectID]) {
        let reader: IndexReader
        do {
            reader = IndexReader(repository: try Repository(openingAt: path))
        } catch {
            publish(.failure(error))
            return
        }
        for commit in commits {
            let reported = reader.invalidFiles.count
            let result = Result { () throws(GitError) in
                Item(models: try reader.models(at: commit), invalidFiles: Array(reader.invalidFiles[reported...]))
            }
            guard publish(result), case .success = result else { return }
        }
    }

    /// Hands a result over, waiting while the caller is `depth` commits behind; false once cancelled.
    @discardableResult
    private func publish(_ result: Result<Item, GitError>) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= depth && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        ready.append(result)
        condition.broadcast()
        return true
    }
}
