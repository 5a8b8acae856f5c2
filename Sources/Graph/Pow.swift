import Foundation
import Tensor

/// `tf.pow(x, y)` and `x ** y` (a `BinaryKind` case: broadcasting, numbers as constants of the
/// tensor's dtype; the op is `Pow`, named `Pow` by tf.pow and `pow` by the operator, as TF1
/// named them). Values are numpy's `power` in the tensor's dtype; the gradient is TF's
/// `_PowGrad`: `grad · y · x^(y−1)` for x and `grad · z · log(x)` for y, with log(x) taken as 0
/// where x <= 0 (TF's guard against a false singularity at 0).
enum PowKernels {
    static func gradient(_ x: NDArray, _ y: NDArray, _ z: NDArray, _ d: NDArray, wanted: [Bool]) throws(TensorError) -> [NDArray?] {
        var dx: NDArray? = nil, dy: NDArray? = nil
        if wanted[0] {
            let power = try NDArray.apply(.power, .array(x), .array(try NDArray.subtract(.array(y), .array(try NDArray.ones([], dtype: y.dtype)))))
            let g = try NDArray.multiply(.array(try NDArray.multiply(.array(d), .array(y))), .array(power))
            dx = try Gradients.unbroadcast(g, to: x.shape)
        }
        if wanted.count > 1, wanted[1] {
            let logX = try ElementwiseKernels.map(x) { $0 > 0 ? Foundation.log($0) : 0 }
            let g = try NDArray.multiply(.array(try NDArray.multiply(.array(d), .array(z))), .array(logX))
            dy = try Gradients.unbroadcast(g, to: y.shape)
        }
        return [dx, dy]
    }
}
