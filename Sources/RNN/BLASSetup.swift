import CBLAS
import Foundation

/// OpenBLAS picks its kernels once, when the library loads, from the CPU's identity. On CPUs
/// newer than the installed OpenBLAS (0.3.21 on Debian 12 does not know the Sapphire Rapids
/// Xeons of the machines measured for this project, at least under their hypervisor), it falls
/// back to the generic `Prescott` (SSE3) kernels: 2–3× slower sgemm. The only supported way to
/// choose is the `OPENBLAS_CORETYPE` environment variable, read at load time — so a process
/// that wants the right kernels must set it and start again before doing anything else.
public enum BLASSetup {
    /// The kernel set OpenBLAS chose (e.g. `Haswell`, `SkylakeX`, `Zen`, `Prescott`).
    public static var coreName: String {
        guard let p = openblas_get_corename() else { return "unknown" }
        return String(cString: p)
    }

    /// Kernel sets that mean "CPU not recognised": far below what any x86-64-v3 CPU can do.
    static let genericCores: Set<String> = ["Prescott", "Core2", "Katmai", "Coppermine", "Northwood",
                                            "Banias", "Penryn", "Dunnington", "Nehalem", "Atom", "unknown"]

    /// The kernel set to ask for on this CPU, judged from /proc/cpuinfo's flags, or nil when
    /// OpenBLAS's own choice should stand (it recognised the CPU, or the user set
    /// `OPENBLAS_CORETYPE`, or the CPU has neither AVX2 nor AVX-512).
    public static func recommendedCore() -> String? {
        if ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] != nil { return nil }
        guard genericCores.contains(coreName) else { return nil }
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return nil }
        let flags = Set(line.split(separator: " ").map(String.init))
        if flags.isSuperset(of: ["avx512f", "avx512bw", "avx512vl", "avx512dq"]) { return "SkylakeX" }
        if flags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
        return nil
    }

    /// If OpenBLAS fell back to generic kernels on a CPU that has AVX2/AVX-512, sets
    /// `OPENBLAS_CORETYPE` and re-executes this program with the same arguments (same pid,
    /// same terminal); returns only when no restart is needed or possible. Call it first thing
    /// in `main`, before any other work. `RNNSH_NO_REEXEC=1` disables it.
    public static func restartWithFastKernelsIfNeeded() {
        if ProcessInfo.processInfo.environment["RNNSH_NO_REEXEC"] != nil { return }
        guard let core = recommendedCore() else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        let args = CommandLine.arguments
        var cargs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) }
        cargs.append(nil)
        execv("/proc/self/exe", &cargs)
        // execv returned: it failed; carry on with the generic kernels.
        unsetenv("OPENBLAS_CORETYPE")
        for p in cargs { free(p) }
    }
}
