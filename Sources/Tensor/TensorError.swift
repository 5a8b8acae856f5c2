/// The one error type of the tensor core. `message` uses numpy's wording where numpy has one
/// (e.g. `cannot reshape array of size 8 into shape (3,3)`); `explanation` is an optional second
/// line that says why in terms of the operands, for learners.
public struct TensorError: Error, Equatable, CustomStringConvertible, Sendable {
    public var message: String
    public var explanation: String?

    public init(_ message: String, explanation: String? = nil) {
        self.message = message
        self.explanation = explanation
    }

    public var description: String { message }
}
