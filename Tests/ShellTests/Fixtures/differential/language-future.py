# `from __future__ import ...` as Python 2/3 tutorials begin: every feature is already on in
# Python 3, so the import changes nothing; unknown features are CPython's SyntaxError.
#--- print-function
from __future__ import print_function
print('a', 'b', sep='-')
#--- several-at-once
from __future__ import absolute_import, division, print_function
print(7 / 2, 7 // 2)
#--- unicode-literals
from __future__ import unicode_literals
print(type('x').__name__, len('é'))
#--- feature-record
import __future__
print(__future__.print_function)
print(__future__.annotations)
#--- aliased
from __future__ import division as d
print(d)
#--- all-feature-names
import __future__
print(__future__.all_feature_names)
#--- braces
from __future__ import braces
#--- unknown-feature
from __future__ import spam
#--- missing-attribute
import __future__
__future__.spam
