// swift-tools-version:6.0
// rnnsh — a shell for learning recurrent networks. One module per concept; see README "Layout".
import PackageDescription

// Hot loops (activations, elementwise math) need FMA/AVX2 to vectorise instead of calling libm
// per lane. Every machine this project runs on has AVX2+FMA (Haswell or newer); elsewhere build portably.
#if arch(x86_64)
let fastMath: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"], .when(configuration: .release))]
#else
let fastMath: [SwiftSetting] = []
#endif

// The Python interpreter (module Shell) reads and writes its evaluator's state on every name,
// call and statement; release builds skip the run-time exclusivity check on each such access
// (it was a sixth of a function call's time: a thread-local access set per check). Debug builds,
// which run the tests, keep the check, and the compile-time check stays on in both.
let interpreterSpeed: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "rnnsh",
    products: [
        .executable(name: "rnnsh", targets: ["rnnsh"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C system libraries: each is a module map and a shim header, nothing else.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline", providers: [.apt(["libreadline-dev"])]),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // HDF5, the container of Keras model files (.h5, .keras), from Debian's libhdf5-dev.
        .systemLibrary(name: "CHDF5", path: "Sources/CHDF5", providers: [.apt(["libhdf5-dev"])]),
        // The engine's matrix product: packing and register-tiled micro-kernels compiled per
        // instruction set (AVX-512, AVX2+FMA, portable C), chosen and checked at run time for
        // the CPU it runs on. Optimised in every configuration: debug test runs train models too.
        .target(name: "CKernels", path: "Sources/CKernels", cSettings: [.unsafeFlags(["-O3"])]),
        // LAPACK for np.linalg, from Debian's libopenblas (the engine has its own kernels; only
        // numpy's linear algebra and BLAS vector dots use this library).
        .systemLibrary(name: "CLAPACK", path: "Sources/CLAPACK", providers: [.apt(["libopenblas-dev"])]),

        // Arrays with numpy's semantics: dtypes, strides and views, shape ops, math, .npy/.npz.
        .target(name: "Tensor", dependencies: ["CZlib", "CLAPACK"], swiftSettings: fastMath),
        // numpy's str/repr, byte for byte, and terminal views (digits, heatmaps, charts).
        .target(name: "Printing", dependencies: ["Tensor"]),
        // The LSTM engine: TF BasicLSTMCell, unroll, BPTT, Adam, dense + softmax. Never prints.
        .target(name: "RNN", dependencies: ["Tensor", "CKernels"], swiftSettings: fastMath),
        // Datasets: MNIST-format IDX files, Keras mnist.npz, batching, verified downloads.
        .target(name: "Data", dependencies: ["Tensor", "CZlib", "CCurl"]),
        // TF1 graphs: ops with TF's names and static shapes, sessions, autodiff, optimizers; the
        // unrolled RNN runs as one engine call. Never prints.
        .target(name: "Graph", dependencies: ["Tensor", "RNN"]),
        // Tracing, explaining and tracking what shape ops do to data.
        .target(name: "Explore", dependencies: ["Tensor", "Printing", "RNN"]),
        // Models from other frameworks' own files: Keras (.keras, .h5, .weights.h5 through
        // libhdf5) and PyTorch (torch.save's .pt zip, through a restricted unpickler).
        .target(name: "Interop", dependencies: ["Tensor", "RNN", "CHDF5"]),
        // Lexer, parser, evaluator, workspace, the command registry, help and completion.
        .target(name: "Shell", dependencies: ["Tensor", "Printing", "RNN", "Data", "Explore", "Graph", "Interop"],
                swiftSettings: interpreterSpeed),
        // The executable: flags, the REPL loop and the line editor.
        .executableTarget(name: "rnnsh", dependencies: [
            "Shell", "CReadline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: fastMath),

        // What several test targets share (scratch directories for tests that write files).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TensorTests", dependencies: ["Tensor", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PrintingTests", dependencies: ["Printing", "Tensor"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RNNTests", dependencies: ["RNN", "Tensor"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GraphTests", dependencies: ["Graph", "RNN", "Tensor"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DataTests", dependencies: ["Data", "Tensor", "TestSupport"]),
        .testTarget(name: "ExploreTests", dependencies: ["Explore", "Tensor"]),
        .testTarget(name: "InteropTests", dependencies: ["Interop", "RNN", "Tensor"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "Tensor", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
