# tf.logging as TF1 programs use it: progress at INFO once the verbosity allows it, %-formatted
# arguments, the level names Python's logging prints, and set_verbosity by number or name.
import tensorflow.compat.v1 as tf

print("verbosity", tf.logging.get_verbosity())
tf.logging.info("hidden at the default verbosity")
tf.logging.warning("step %d of %d", 1, 3)
tf.logging.warn("old spelling")
tf.logging.error("loss is %s", float("nan"))
tf.logging.set_verbosity(tf.logging.INFO)
print("verbosity", tf.logging.get_verbosity())
tf.logging.info("epoch %(epoch)d", {"epoch": 2})
tf.logging.info("no args keeps %d as written")
tf.logging.info(12.5)
tf.logging.debug("hidden below INFO")
tf.logging.log(tf.logging.ERROR, "by level %s", "ERROR")
tf.logging.log(25, "a level without a name")
tf.logging.fatal("fatal logs as CRITICAL and goes on")
tf.logging.set_verbosity("ERROR")
print("verbosity", tf.logging.get_verbosity())
tf.logging.warning("hidden at ERROR")
tf.compat.v1.logging.set_verbosity(tf.compat.v1.logging.DEBUG)
tf.logging.debug("shown at DEBUG")
print("done")
