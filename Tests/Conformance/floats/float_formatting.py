# Formatting floats with format specs and %
x = 1234.5678
print("{:.2f}".format(x), "{:10.1f}".format(x), "{:e}".format(x), "{:.3e}".format(x))
print("{:g}".format(x), "{:g}".format(0.00001234), "{:g}".format(1e20), "{:.3g}".format(x))
print("{:+.1f}".format(-x), "{:+.1f}".format(x), "{:.0%}".format(0.5))
print("%.3f|%8.2f|%-8.2f|%e|%g" % (x, x, x, x, x))
print("%5.1f%%" % 99.5, "%.0f" % 2.5, "%.0f" % 3.5)
print("{:.4}".format(3.14159), "{:>10.2f}".format(2.5), "{:010.3f}".format(-2.5))
print(str(1.0), str(2.50), str(-3.0), "%s" % 1.10)
print("{:.2f}".format(2.675), round(2.675, 2), "{:.2f}".format(1.005))
