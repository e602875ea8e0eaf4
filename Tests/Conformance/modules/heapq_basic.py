import heapq

h = []
for x in [5, 1, 8, 3, 2, 9, 1]:
    heapq.heappush(h, x)
print(h[0], [heapq.heappop(h) for _ in range(len(h))], h)
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data[0], sorted(data) == [1, 2, 4, 7, 8, 9])
print(heapq.heappushpop(data, 0), heapq.heappushpop(data, 5), data[0])
print(heapq.heapreplace(data, 10), data[0])
out = []
while data:
    out.append(heapq.heappop(data))
print(out)
t = []
for item in [(2, 'b'), (1, 'z'), (1, 'a'), (3, 'c')]:
    heapq.heappush(t, item)
print([heapq.heappop(t) for _ in range(4)])
try:
    heapq.heappop([])
except IndexError:
    print('IndexError')
e = []
heapq.heapify(e)
print(e, heapq.heappushpop(e, 3), e)
s = ['pear', 'apple', 'fig']
heapq.heapify(s)
print(heapq.heappop(s), heapq.heappop(s))
