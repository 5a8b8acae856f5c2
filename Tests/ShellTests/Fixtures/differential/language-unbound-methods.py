# Builtin methods read off their type (CPython's method descriptors): `key=str.lower`,
# `map(str.strip, lines)`, `str.join(sep, parts)`, and the errors for a missing or wrong receiver.
#--- sorted-key-str-lower
words = ['banana', 'Apple', 'cherry', 'apple']
print(sorted(words, key=str.lower), max(words, key=str.lower))
#--- map-strip-split-upper
lines = ['  a b ', 'c\n', ' d']
print(list(map(str.strip, lines)), list(map(str.split, lines)), [str.upper(s) for s in lines])
#--- join-format-replace-through-type
print(str.join('-', ['x', 'y']), str.format('{}+{}', 1, 2), str.replace('aaa', 'a', 'b', 2))
print(str.startswith('numpy', 'num'), str.count('banana', 'a'), str.isdigit('123'))
#--- other-builtin-types
print(list.index([3, 4, 5], 5), list.count([1, 1, 2], 1), tuple.index((7, 8), 8))
print(dict.get({'a': 1}, 'a'), dict.get({}, 'z', 0), sorted(dict.keys({'b': 1, 'a': 2})))
print(float.is_integer(2.0), float.conjugate(1.5), int.bit_length(255), int.bit_length(True))
#--- repr-and-type
print(str.lower, type(str.lower), repr(list.count))
print(str.lower == str.lower, callable(str.strip))
#--- numpy-str-is-a-str
a = np.array(['Hello', 'World'])
print(list(map(str.lower, a)), sorted(a, key=str.lower))
#--- err-missing-receiver
str.lower()
#--- err-wrong-receiver-int
str.lower(5)
#--- err-wrong-receiver-bool
str.strip(True)
#--- err-keyword-only
str.upper(x=1)
#--- err-failed-map-changes-nothing
r = 1
r = list(map(str.lower, ['A', 3]))
#--- descriptors-are-singletons
print(str.lower is str.lower, {str.lower: 1}[str.lower], len({str.strip, str.strip, str.split}))
