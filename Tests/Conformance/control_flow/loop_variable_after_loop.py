# Loop variable stays bound after the loop
for i in range(4):
    pass
print(i)
for ch in "xyz":
    if ch == "y":
        break
print(ch)
j = "unchanged"
for j in []:
    pass
print(j)
n = 0
while n < 5:
    n += 2
print(n)
