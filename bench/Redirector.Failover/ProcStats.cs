namespace Redirector.Failover;

/// <summary>CPU time, resident memory and threads of a process, from /proc: the same figures an
/// operator reads with ps/top, without any help from the process itself.</summary>
readonly record struct ProcStats(
    double CpuSeconds, double KernelSeconds, long RssKiB, long HwmKiB, int Threads)
{
    /// <summary>USER_HZ: 100 on every Linux ABI .NET runs on.</summary>
    const double TicksPerSecond = 100.0;

    public static ProcStats? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the ")" that closes the command name; utime and stime are 14 and 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var (user, kernel) = (long.Parse(fields[11]), long.Parse(fields[12]));
            long rss = 0, hwm = 0;
            var threads = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:")) rss = KiB(line);
                else if (line.StartsWith("VmHWM:")) hwm = KiB(line);
                else if (line.StartsWith("Threads:")) threads = int.Parse(line[8..].Trim());
            }
            return new ProcStats((user + kernel) / TicksPerSecond, kernel / TicksPerSecond, rss, hwm,
                threads);
        }
        catch (IOException)
        {
            return null;
        }
    }

    static long KiB(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
}
