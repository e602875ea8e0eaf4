print("breadbox")
