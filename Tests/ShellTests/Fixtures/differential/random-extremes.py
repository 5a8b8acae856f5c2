# numpy's samplers at extreme parameters (issue 12's red team probed each with numpy 2.4 as the
# oracle): a huge or infinite noncentrality draws a Poisson count of int64's minimum, which numpy
# doubles in wrapping C arithmetic before adding it to df.
#--- noncentral-legacy-huge-nonc
np.random.seed(0)
print(np.random.noncentral_chisquare(1e-320, 1e300, size=3), np.random.noncentral_chisquare(1, np.inf, size=2))
print(np.random.noncentral_f(1e-300, 1e-300, 1e300, size=2))
#--- noncentral-generator-huge-nonc
g = np.random.default_rng(0)
print(g.noncentral_chisquare(0.5, 1e300, size=3), g.noncentral_chisquare(1, np.inf, size=2))
print(g.noncentral_f(1e-300, 1e-300, 1e300, size=2))
