/// The one error type of the tensor core. `message` uses numpy's wording where numpy has one
/// (e.g. `cannot reshape array of size 8 into shape (3,3)`); `explanation` is an optional second
/// line that says why in terms of the operands, for learners.
public struct TensorError: Error, Equatable, CustomStringConvertible, Sendable {
    public var message: String
    public var explanation: String?
    /// The Python exception class numpy raises here; nil when not recorded (shown as `error:`).
    public var kind: ErrorKind?

    public init(_ message: String, explanation: String? = nil, kind: ErrorKind? = nil) {
        self.message = message
        self.explanation = explanation
        self.kind = kind
    }

    public var description: String { message }
}
