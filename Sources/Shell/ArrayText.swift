import Tensor

/// The one place the shell asks for array text. Printing owns the formats; this adapter keeps
/// the rest of the shell independent of Printing's exact API.
enum ArrayText {
    // TEMPORARY until Printing's NumpyFormat lands on main: a shape-and-dtype placeholder.
    static func str(_ a: NDArray) -> String { "<array \(shapeString(a.shape)) \(a.dtype.name)>" }
    static func repr(_ a: NDArray) -> String { "<array \(shapeString(a.shape)) \(a.dtype.name)>" }
    static func scalarStr(_ a: NDArray) -> String { "<scalar \(a.dtype.name)>" }
    static func scalarRepr(_ a: NDArray) -> String { "<scalar \(a.dtype.name)>" }
}
