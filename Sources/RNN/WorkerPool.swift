import Foundation
import Synchronization

/// Persistent worker threads that run a job's tasks, each task claimed from a shared counter
/// by whichever thread is free ("dynamic chunks").
///
/// Why not a static split: splitting a batch in two halves, one per core, makes the batch as
/// slow as the slower half. On a shared machine one core is often busy with another process,
/// which then gets half of that core, so two threads took as long as one. With more tasks than
/// threads (the model cuts a batch into 2 × threads chunks), the thread on the free core takes
/// the chunks the other cannot get to: with one core held by a spinning process, 4 chunks on
/// 2 threads take ~3 chunk-times instead of the 4 of one thread.
///
/// Why persistent threads that spin a little: a thread that sleeps between batches is woken
/// on the waker's core (Linux's wake-affine placement), and both threads were seen sharing
/// CPU 0 while CPU 1 ran someone else. Workers that stay runnable for a short while after a job
/// keep their own core, and batches follow each other within that window during training.
///
/// The caller is worker 0 and takes tasks too; a job started from inside a job (a product
/// split inside a replica's task) runs inline on the calling thread.
final class WorkerPool: @unchecked Sendable {
    static let shared = WorkerPool()

    /// The largest number of threads a job may ask for.
    static let maxWorkers = 64
    /// How long an idle helper keeps polling for the next job before sleeping, in nanoseconds
    /// (`RNNSH_SPIN_US` overrides it, for measuring: 0 sleeps at once).
    static let spinNanoseconds: UInt64 = {
        if let v = ProcessInfo.processInfo.environment["RNNSH_SPIN_US"].flatMap({ UInt64($0) }), v <= 100_000 {
            return v * 1000
        }
        return 200_000
    }()

    /// One job: `tasks` calls of `body(task, worker)`, on at most `workers` threads.
    private final class Job: @unchecked Sendable {
        var body: ((Int, Int) -> Void)?
        let tasks: Int, workers: Int
        let next = Atomic<Int>(0)      // the next unclaimed task
        let finished = Atomic<Int>(0)  // tasks done
        let joined = Atomic<Int>(1)    // worker ids handed out (the caller is 0)
        init(body: @escaping (Int, Int) -> Void, tasks: Int, workers: Int) {
            self.body = body; self.tasks = tasks; self.workers = workers
        }
        /// Claims and runs tasks until none are left.
        func work(as worker: Int) {
            while true {
                let t = next.wrappingAdd(1, ordering: .acquiringAndReleasing).oldValue
                if t >= tasks { return }
                invoke(t, worker)
                finished.wrappingAdd(1, ordering: .releasing)
            }
        }
        @inline(never) private func invoke(_ t: Int, _ w: Int) { body?(t, w) }
    }

    private let condition = NSCondition()
    private let generation = Atomic<Int>(0)
    private var current: Job?          // guarded by `condition`
    private var sleepers = 0           // guarded by `condition`
    private var helpers = 0            // threads started; guarded by `condition`
    private let busy = Atomic<Bool>(false)

    /// Runs `body(task, worker)` for every task in `0..<tasks` on up to `workers` threads
    /// (worker ids are `0..<min(workers, tasks)`; each worker runs one task at a time, so
    /// per-worker scratch such as a model replica is never shared). Returns when all are done.
    func run(tasks: Int, workers: Int, _ body: (Int, Int) -> Void) {
        if tasks <= 0 { return }
        let w = max(1, min(workers, tasks, WorkerPool.maxWorkers))
        // One thread, or a job inside a job: run inline.
        if w == 1 || !busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged {
            for t in 0..<tasks { body(t, 0) }
            return
        }
        defer { busy.store(false, ordering: .releasing) }
        withoutActuallyEscaping(body) { escaping in
            let job = Job(body: escaping, tasks: tasks, workers: w)
            condition.lock()
            while helpers < w - 1 { startHelper() }
            current = job
            generation.wrappingAdd(1, ordering: .releasing)
            if sleepers > 0 { condition.broadcast() }
            condition.unlock()
            job.work(as: 0)
            // Wait for tasks other workers are still running; yield so that one sharing our
            // core can finish it.
            var spins = 0
            while job.finished.load(ordering: .acquiring) < tasks {
                spins += 1
                if spins & 63 == 0 { sched_yield() }
            }
            condition.lock()
            current = nil
            job.body = nil
            condition.unlock()
        }
    }

    /// Starts one helper thread; called with `condition` locked.
    private func startHelper() {
        helpers += 1
        let seen = generation.load(ordering: .acquiring)
        let t = Thread { [unowned self] in self.helperLoop(seen: seen) }
        t.stackSize = 4 << 20
        t.name = "rnnsh-worker"
        t.start()
    }

    private func helperLoop(seen start: Int) {
        var seen = start
        while true {
            // Poll for a new job for a short while, then sleep until one is published.
            let t0 = DispatchTime.now().uptimeNanoseconds
            var spins = 0
            while generation.load(ordering: .acquiring) == seen {
                spins += 1
                if spins & 255 == 0, DispatchTime.now().uptimeNanoseconds - t0 > WorkerPool.spinNanoseconds { break }
            }
            condition.lock()
            while generation.load(ordering: .acquiring) == seen {
                sleepers += 1
                condition.wait()
                sleepers -= 1
            }
            seen = generation.load(ordering: .acquiring)
            let job = current
            condition.unlock()
            guard let job else { continue }
            let id = job.joined.wrappingAdd(1, ordering: .acquiringAndReleasing).oldValue
            if id < job.workers { job.work(as: id) }
        }
    }
}
