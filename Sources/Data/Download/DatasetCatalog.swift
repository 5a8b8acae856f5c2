/// The datasets `download` knows by name: where each is published, its checksums, and where it
/// is cached — the places `mnist` searches, so a downloaded dataset is found without a path.
///
/// The URLs and checksums are the publishers' own: Keras's `mnist.load_data()` (the same
/// `mnist.npz` and SHA-256 Keras verifies), Zalando's Fashion-MNIST files, and the ROIS-CODH
/// Kuzushiji-MNIST files (MD5 sums as published with them).
public struct DatasetCatalog: Sendable {
    /// One file of a dataset.
    public struct File: Sendable, Equatable {
        /// The file's name in the cache directory (and the last part of its URL).
        public var name: String
        public var url: String
        public var digest: Digest
    }

    /// A named dataset.
    public struct Entry: Sendable, Equatable {
        /// What `download NAME` takes (`mnist`, `fashion-mnist`, `kmnist`).
        public var name: String
        /// What the learner reads (`MNIST digits`).
        public var title: String
        /// The cache directory below `~/.keras/datasets` ("" for Keras's own `mnist.npz`).
        public var subdirectory: String
        public var files: [File]

        /// Where the files are kept: `~/.keras/datasets[/subdirectory]`.
        public func directory(home: String) -> String {
            let base = DatasetLocator.join(home, ".keras/datasets")
            return subdirectory.isEmpty ? base : DatasetLocator.join(base, subdirectory)
        }

        /// What `mnist` is given to load it once downloaded.
        public func loadPath(home: String) -> String {
            files.count == 1 ? DatasetLocator.join(directory(home: home), files[0].name) : directory(home: home)
        }

        /// The same files from another place (a mirror, or a test server): `base` replaces
        /// everything before each file's name.
        public func mirrored(at base: String) -> Entry {
            var e = self
            let b = base.hasSuffix("/") ? base : base + "/"
            e.files = files.map { File(name: $0.name, url: b + $0.name, digest: $0.digest) }
            return e
        }
    }

    private static func idx(_ base: String, _ digests: [Digest]) -> [File] {
        zip(["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"], digests)
            .map { File(name: $0.0, url: base + $0.0, digest: $0.1) }
    }

    public static let entries: [Entry] = [
        Entry(name: "mnist", title: "MNIST digits (Keras's mnist.npz)", subdirectory: "",
              files: [File(name: "mnist.npz", url: "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz",
                           digest: .sha256("731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"))]),
        Entry(name: "fashion-mnist", title: "Fashion-MNIST (Zalando)", subdirectory: "fashion-mnist",
              files: idx("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/", [
                .sha256("08dc20ab1689590a0bcd66e874647b6ee8464e2d501b5a3f1f78831db19a3fdc"),
                .sha256("b0197879cbda89f3dc7b894f9fd52b858e68ea4182b6947c9d8c2b67e5f18dcc"),
                .sha256("78dcbbfb5a27efaf1b6c1d616caca68560be8766c5bffcb2791df9273a534229"),
                .sha256("42bd18137a62d5998cdeae52bf3a0676ac6b706f5cf8439b47bb5b151ae3dccf")])),
        Entry(name: "kmnist", title: "Kuzushiji-MNIST (ROIS-CODH)", subdirectory: "kmnist",
              files: idx("http://codh.rois.ac.jp/kmnist/dataset/kmnist/", [
                .md5("bdb82020997e1d708af4cf47b453dcf7"),
                .md5("e144d726b3acfaa3e44228e80efcd344"),
                .md5("5c965bf0a639b31b8f53240b1b52f4d7"),
                .md5("7320c461ea6c1c855c0b718fb2a4b134")])),
    ]

    public static var names: [String] { entries.map(\.name) }

    /// The entry called `name` (case-insensitive; `fashion` and `digits` are accepted too).
    public static func entry(_ name: String) -> Entry? {
        let n = name.lowercased()
        let aliases = ["fashion": "fashion-mnist", "fashion_mnist": "fashion-mnist", "digits": "mnist", "kuzushiji": "kmnist"]
        return entries.first { $0.name == (aliases[n] ?? n) }
    }
}
