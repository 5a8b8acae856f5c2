import Foundation
import RNN
import Shell

/// `rnnsh --version`: the program, the CPU it runs on and the kernels the engine chose for it
/// (the same lines `rnnsh bench` reports), so a figure or a bug report can name both.
enum VersionInfo {
    /// The banner's number (`Version.number`): `--version` said 0.1 while the banner said 0.4.0.
    static let version = Version.number

    static var text: String {
        """
        rnnsh \(version) (Swift engine, no BLAS)
        cpu: \(cpuName) (\(ProcessInfo.processInfo.activeProcessorCount) cores available)
        kernels: \(BLASThreads.configuration); this CPU supports \(GEMMKernels.supported.joined(separator: ", "))
        """
    }

    /// The model name from /proc/cpuinfo ("unknown" elsewhere).
    static var cpuName: String {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
              let colon = line.firstIndex(of: ":") else { return "unknown" }
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
}
