#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Passes parsed batches from the reading thread to the consuming one, and empty buffers back.
///
/// Reading and tokenising a chunk (libcsv) and typing and aggregating its rows take about
/// the same time, so overlapping them nearly halves an import on two cores. Batches arrive
/// in file order and the consumer is a single thread, so results do not change.
final class BatchHandoff: @unchecked Sendable {
    enum Item {
        case batch(ParseContext)
        case failure(any Error)
        case end
    }

    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var filled: [Item] = []
    private var spare: [ParseContext]
    private(set) var cancelled = false

    init(spare: [ParseContext]) {
        self.spare = spare
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
    }

    deinit {
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
    }

    private func locked<R>(_ body: () -> R) -> R {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }

    func push(_ item: Item) {
        locked {
            filled.append(item)
            pthread_cond_broadcast(&changed)
        }
    }

    func takeFilled() -> Item {
        locked {
            while filled.isEmpty { pthread_cond_wait(&changed, &mutex) }
            return filled.removeFirst()
        }
    }

    /// An empty buffer for the reader, or nil once the consumer has stopped.
    func takeSpare() -> ParseContext? {
        locked {
            while spare.isEmpty && !cancelled { pthread_cond_wait(&changed, &mutex) }
            return cancelled ? nil : spare.removeLast()
        }
    }

    func returnSpare(_ context: ParseContext) {
        locked {
            spare.append(context)
            pthread_cond_broadcast(&changed)
        }
    }

    func cancel() {
        locked {
            cancelled = true
            pthread_cond_broadcast(&changed)
        }
    }
}
