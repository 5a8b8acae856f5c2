import Tensor

/// numpy's print options (`np.set_printoptions`), the knobs every array text depends on.
///
/// numpy keeps them in a context variable; rnnsh keeps them in the session and binds them for
/// the duration of one statement through the task-local `current` (docs/printing.md §1), so
/// two sessions in one process (parallel tests) never see each other's options.
public struct PrintOptions: Sendable, Equatable {
    /// numpy's `floatmode`: how many fraction digits each float gets (docs/printing.md §4.4).
    public enum FloatMode: String, Sendable, CaseIterable {
        case fixed, unique, maxprec, maxprec_equal
    }

    /// numpy's `sign`: `'-'` only negatives carry a sign, `'+'` every value does, `' '` a space
    /// stands where a positive value's sign would be.
    public enum Sign: String, Sendable, CaseIterable {
        case minus = "-", plus = "+", space = " "
    }

    /// At most this many fraction digits (ignored by floatmode `unique`).
    public var precision = 8
    /// Arrays with more elements than this are summarised; `Int.max` for `np.inf`/`sys.maxsize`.
    public var threshold = 1000
    /// Items shown at each end of a summarised axis.
    public var edgeItems = 3
    /// Characters per line, wrapping included.
    public var lineWidth = 75
    /// True: never scientific notation for small values (very small ones print as `0.`).
    public var suppress = false
    public var floatMode = FloatMode.maxprec
    public var sign = Sign.minus
    public var nanString = "nan"
    public var infString = "inf"
    /// numpy's `formatter=`: the user's functions that give elements their whole text
    /// (docs/printing.md §8). nil: numpy's own formatters for every dtype.
    public var formatter: CustomFormatter?

    public init() {}

    /// The most fraction digits rnnsh writes (numpy's Dragon4 buffer holds 16384 digits; the
    /// exact value of any double needs at most 1074).
    public static let maxPrecision = 16384

    /// A line width kept far from Int's ends, so width arithmetic cannot overflow (numpy simply
    /// wraps at every element for any width too small, and never for one too large).
    static func clampedWidth(_ w: Int) -> Int { min(max(w, -(1 << 40)), 1 << 40) }

    /// numpy's defaults.
    public static let defaults = PrintOptions()

    /// The options printing uses now (bound by the shell for each statement).
    @TaskLocal public static var current = PrintOptions()
}

/// The element functions of numpy's `formatter=` option. Printing cannot run Python, so the
/// shell supplies them; an element function may fail, and then the shell records the error
/// and reports it after formatting (printing itself cannot throw).
public protocol CustomElementFormatter: AnyObject, Sendable {
    /// The text of one element of `array` (at storage offset `offset`) for arrays of `dtype`,
    /// or nil when that dtype keeps numpy's own formatter. Asked once per array printed, as
    /// numpy looks the function up once per `array2string`.
    func elementText(for dtype: DType) -> ((_ array: NDArray, _ offset: Int) -> String)?
}

/// A `CustomElementFormatter` inside `PrintOptions`, compared by identity (numpy compares
/// nothing, but `PrintOptions` is Equatable and two options holding the same dict are equal).
public struct CustomFormatter: Sendable, Equatable {
    public let functions: any CustomElementFormatter
    public init(_ functions: any CustomElementFormatter) { self.functions = functions }
    public static func == (a: CustomFormatter, b: CustomFormatter) -> Bool { a.functions === b.functions }
}
