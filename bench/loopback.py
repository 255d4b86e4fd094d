"""What the Python bench scripts share: a server started on a loopback port, pinned to a CPU, and waited for."""
import socket
import subprocess
import time


def start(cpu, argv, port):
    """Starts argv pinned to CPU `cpu` (taskset) and returns its process once 127.0.0.1:port accepts."""
    server = subprocess.Popen(["taskset", "-c", str(cpu), *argv], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return server
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.1)
    server.kill()
    raise SystemExit(f"{' '.join(argv)}: nothing listens on 127.0.0.1:{port}")
