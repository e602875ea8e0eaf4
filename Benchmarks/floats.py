# Floating point: mandelbrot set and a small n-body simulation
def mandelbrot(w, h, iters):
    count = 0
    for py in range(h):
        ci = py * 2.0 / h - 1.0
        for px in range(w):
            cr = px * 3.0 / w - 2.0
            zr = zi = 0.0
            i = 0
            while i < iters and zr * zr + zi * zi < 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                i += 1
            count += i
    return count

def nbody(steps):
    bodies = [[0.0, 0.0, 0.0, 0.0, 10.0], [1.0, 0.0, 0.0, 3.0, 1.0],
              [-2.0, 0.5, 0.5, -2.0, 0.5], [0.0, 3.0, -1.5, 0.0, 0.1]]
    dt = 0.001
    n = len(bodies)
    for _ in range(steps):
        for i in range(n):
            bi = bodies[i]
            for j in range(i + 1, n):
                bj = bodies[j]
                dx = bi[0] - bj[0]
                dy = bi[1] - bj[1]
                d2 = dx * dx + dy * dy + 0.01
                mag = dt / (d2 * d2 ** 0.5)
                bi[2] -= dx * bj[4] * mag
                bi[3] -= dy * bj[4] * mag
                bj[2] += dx * bi[4] * mag
                bj[3] += dy * bi[4] * mag
        for b in bodies:
            b[0] += dt * b[2]
            b[1] += dt * b[3]
    e = 0.0
    for b in bodies:
        e += 0.5 * b[4] * (b[2] * b[2] + b[3] * b[3])
    return e

def main():
    m = mandelbrot(80, 60, 100)
    e = nbody(8000)
    return (m, "%.6f" % e)

REPEAT = 25
result = None
for _ in range(REPEAT):
    result = main()
print("floats", result)
