import Glibc

/// The CPU's sticky floating-point exception flags, which numpy reads after each ufunc loop to
/// decide what to report (`RuntimeWarning: divide by zero encountered in log`, or
/// FloatingPointError under `np.seterr(all='raise')`).
///
/// Float loops raise them by computing. Integer division has no IEEE flag of its own, so numpy's
/// integer loops set them by hand (`npy_set_floatstatus_divbyzero`): `1 // 0` on ints reports
/// "divide by zero", `MIN // -1` "overflow". rnnsh's integer kernels do the same here. The core
/// only sets flags; the shell reads them and says what numpy says.
public enum FloatFlags {
    // <fenv.h>'s flag bits (the macros are ambiguous to Swift's importer). x86-64 and AArch64
    // number them differently.
    #if arch(x86_64)
    public static let invalid: Int32 = 0x01, divideByZero: Int32 = 0x04, overflow: Int32 = 0x08, underflow: Int32 = 0x10
    #else
    public static let invalid: Int32 = 0x01, divideByZero: Int32 = 0x02, overflow: Int32 = 0x04, underflow: Int32 = 0x08
    #endif

    /// Raises `flag` (one of the bits above) on the calling thread, where the loops run.
    /// Out of line: it sits on the rare branch of an integer kernel's inner loop.
    @inline(never)
    public static func raise(_ flag: Int32) {
        feraiseexcept(flag)
    }
}
