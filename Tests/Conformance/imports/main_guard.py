# The __name__ == "__main__" idiom
def main():
    print("main ran")
if __name__ == "__main__":
    main()
else:
    print("imported")
