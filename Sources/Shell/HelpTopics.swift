/// `help TOPIC`: pages about the statement language itself rather than one command.
/// `docs/commands.md` lists them after the commands.
enum HelpTopics {
    static let pages: [(name: String, text: String)] = [
        ("pipe", """
            `|` is two things, decided by what follows it:
              - a pipe, when its right side is a command in command form: a command name
                (or np.NAME) followed by its space-separated arguments or by nothing:
                  arange 24 | reshape 2 4 3 | transpose 1 0 2
                  x | transpose        x | np.transpose
                After a command or a pipe, a call of a command continues the pipe too:
                  arange 6 | reshape(2, 3)
              - numpy's bitwise or (np.bitwise_or) everywhere else:
                  (a > 1) | (b < 5)    a | b    x | 1    x | np.abs(y)    arange 3 | 5
            A variable that has a command's name is a value, not a command: with
            `sum = np.array([4])`, `x | sum` is an or. As in Python, `|` binds looser than
            `^`, `&`, shifts and arithmetic and tighter than comparisons: `a | b == c` is
            `(a | b) == c`.
            """),
        ("operators", """
            Python's operators on arrays are numpy's ufuncs, with numpy 2's dtypes (NEP 50: a
            Python number takes the array's dtype):
              + - * / // % **        add subtract multiply divide floor_divide remainder power
              & | ^ ~ << >>          bitwise_and bitwise_or bitwise_xor invert left_shift right_shift
              == != < <= > >=        elementwise comparisons (bool arrays)
              @                      matmul;   -x +x abs(x) divmod(a, b)
            Integer // and % by zero give 0 (numpy also prints a RuntimeWarning on stderr; rnnsh
            gives the same values and prints no warning). Integers to negative integer powers
            are an error. % takes the sign of the divisor. Tuples and lists compare as Python
            compares them: `x.shape == (2, 3)` is True.
            In-place forms `+= -= *= /= //= %= **= &= |= ^= <<= >>=` change an array where it
            lives (every view of it sees the change) and keep its dtype: a result that would
            need another kind is numpy's error, e.g. `x += 1.5` on an int array is
            `Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'`.
            """),
        ("mutation", """
            Arrays can change, and views alias exactly as numpy's do:
              x[0] = 1   x[:, 1] = v   x[mask] = 0   x[[0, 2]] = 5   W -= lr * dW
              y = x[0]; y[:] = 7      changes x (so do x.T, reshape views and split pieces)
              y = x.copy()            shares nothing; fancy indexing x[[0, 1]] is a copy too
            np.shares_memory(a, b), x.base and x.flags tell which arrays share memory.
            Read-only arrays refuse every write, as numpy's do: np.broadcast_to(...) and
            x.diagonal() are read-only views; x.setflags(write=False) (or x.flags.writeable =
            False) locks x and the views taken from it afterwards; x.copy() is writeable.
            The error is numpy's: `assignment destination is read-only` (`output array is
            read-only` for x += 1 and out=), and nothing is written.
            A statement that fails changes nothing in the workspace: the unit is one simple
            statement (one line, or one part between `;`). Its assignments to names are kept only
            if it succeeds; every array byte, list, dict and set item and attribute it wrote is
            put back from an undo journal when it fails, e.g. in `x[0], y[9] = 1, 2` with y too
            short, x keeps its old value. What it did outside the workspace stays, as in Python:
            text it printed, files it saved, and the draws it took from a random generator.
            A block (`for`, `while`, `if`) keeps what its finished statements did.
            """),
    ]

    static func page(_ name: String) -> String? {
        pages.first { $0.name == name }?.text
    }
}
