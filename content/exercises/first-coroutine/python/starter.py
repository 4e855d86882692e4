from course import operation


# Print "Starting", wait for operation() to finish, then print "Finished".
async def main() -> None:
    print("Starting")
    # your code here
