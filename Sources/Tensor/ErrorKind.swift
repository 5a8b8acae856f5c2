/// The Python exception class an error corresponds to (`ValueError`, `IndexError`, …).
///
/// numpy reports every failure as a Python exception, and learners read the class as much as the
/// message (`IndexError: index 5 is out of bounds …`). Errors carry it as data so the shell can
/// show it, `try`/`except` can match it, and the differential tests can compare it with what
/// CPython and numpy raise. The raw value is the class name exactly as Python spells it.
public enum ErrorKind: String, Sendable, CaseIterable {
    case valueError = "ValueError"
    case typeError = "TypeError"
    /// numpy's ufunc dtype errors (`Cannot cast ufunc 'add' output ...`), a TypeError subclass.
    case ufuncTypeError = "UFuncTypeError"
    case indexError = "IndexError"
    case keyError = "KeyError"
    case nameError = "NameError"
    case attributeError = "AttributeError"
    case zeroDivisionError = "ZeroDivisionError"
    case overflowError = "OverflowError"
    /// What numpy raises for a floating-point error whose mode is 'raise' (`np.seterr`).
    case floatingPointError = "FloatingPointError"
    case memoryError = "MemoryError"
    case syntaxError = "SyntaxError"
    /// Python's `IndentationError` (a SyntaxError): a block's lines are not indented as they must be.
    case indentationError = "IndentationError"
    case unboundLocalError = "UnboundLocalError"
    case recursionError = "RecursionError"
    case runtimeError = "RuntimeError"
    case assertionError = "AssertionError"
    case stopIteration = "StopIteration"
    case importError = "ImportError"
    case moduleNotFoundError = "ModuleNotFoundError"
    case notImplementedError = "NotImplementedError"
    case fileNotFoundError = "FileNotFoundError"
    case permissionError = "PermissionError"
    case isADirectoryError = "IsADirectoryError"
    case notADirectoryError = "NotADirectoryError"
    case fileExistsError = "FileExistsError"
    /// `io.UnsupportedOperation` (an OSError and a ValueError): reading a file opened for
    /// writing, or writing one opened for reading.
    case unsupportedOperation = "UnsupportedOperation"
    case unicodeDecodeError = "UnicodeDecodeError"
    /// What `sys.exit()` raises: a BaseException, so `except Exception` lets it through.
    case systemExit = "SystemExit"
    /// `json.decoder.JSONDecodeError` (a ValueError).
    case jsonDecodeError = "JSONDecodeError"
    case osError = "OSError"
    case keyboardInterrupt = "KeyboardInterrupt"
    /// What `gen.close()` raises where a generator stopped (a BaseException, as in Python, so
    /// `except Exception` does not catch it and `finally` runs).
    case generatorExit = "GeneratorExit"
    /// numpy's `AxisError` (a subclass of both ValueError and IndexError).
    case axisError = "AxisError"
    /// `np.linalg.LinAlgError` (a ValueError subclass): singular matrices, non-square input,
    /// LAPACK that did not converge.
    case linAlgError = "LinAlgError"
    case lookupError = "LookupError"
    case arithmeticError = "ArithmeticError"
    case exception = "Exception"
    /// TensorFlow's run-time errors (`tf.errors`, module `tensorflow.python.framework.errors_impl`):
    /// what a session raises when an op fails, all subclasses of `OpError`.
    case tfOpError = "OpError"
    case invalidArgumentError = "InvalidArgumentError"
    case failedPreconditionError = "FailedPreconditionError"
    case outOfRangeError = "OutOfRangeError"
    case notFoundError = "NotFoundError"

    /// Whether this is one of TensorFlow's `tf.errors` classes.
    public var isTensorFlowError: Bool {
        switch self {
        case .tfOpError, .invalidArgumentError, .failedPreconditionError, .outOfRangeError, .notFoundError: true
        default: false
        }
    }

    /// The module of TensorFlow's error classes, as their qualified names start.
    public static let tensorFlowModule = "tensorflow.python.framework.errors_impl."

    /// The class as the last line of CPython's traceback names it: its `__qualname__`, after its
    /// module unless that is `builtins` (`ValueError`, `numpy.linalg.LinAlgError`). numpy
    /// raises private subclasses of UFuncTypeError (`_UFuncNoLoopError`, …) that this enum does
    /// not tell apart, so those show the public class they derive from.
    public var tracebackName: String {
        switch self {
        case .ufuncTypeError: "numpy._core._exceptions.UFuncTypeError"
        case .axisError: "numpy.exceptions.AxisError"
        case .linAlgError: "numpy.linalg.LinAlgError"
        case .unsupportedOperation: "io.UnsupportedOperation"
        case .jsonDecodeError: "json.decoder.JSONDecodeError"
        case _ where isTensorFlowError: ErrorKind.tensorFlowModule + rawValue
        default: rawValue
        }
    }
}
