"""The job queue (huey) and the code that runs documents in isolated child processes."""
