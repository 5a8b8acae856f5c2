import Foundation

/// How much of the machine other processes used over an interval: the CPU time all processes
/// used (from `/proc/stat`) minus this process's own. A figure measured while other programs
/// ran on the same cores is not the engine's speed, so the benchmark reports this with it.
public struct MachineLoad: Sendable {
    /// Cores busy with other processes on average (0 = quiet; 1 = one core fully taken).
    public var otherCores: Double
    /// Cores this machine has online.
    public var cores: Int

    /// A running measurement: call `finish()` at the end of the interval.
    public struct Probe: Sendable {
        let busy: Double?, own: Double, wall: Double
        /// nil where `/proc/stat` cannot be read.
        public func finish() -> MachineLoad? {
            guard let b0 = busy, let b1 = MachineLoad.busySeconds() else { return nil }
            let wall = MachineLoad.wallNow() - self.wall
            guard wall > 0 else { return nil }
            let others = max(0, (b1 - b0) - (MachineLoad.ownCPU() - own))
            return MachineLoad(otherCores: others / wall, cores: ProcessInfo.processInfo.activeProcessorCount)
        }
    }

    public static func start() -> Probe { Probe(busy: busySeconds(), own: ownCPU(), wall: wallNow()) }

    /// CPU seconds all processes have used since boot (user + nice + system + irq + softirq).
    static func busySeconds() -> Double? {
        guard let s = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = s.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) else { return nil }
        let f = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard f.count >= 7 else { return nil }
        let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (f[0] + f[1] + f[2] + f[5] + f[6]) / (hz > 0 ? hz : 100)
    }

    static func ownCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func wallNow() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
