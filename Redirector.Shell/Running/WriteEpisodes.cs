using Redirector.Domain.Hosts;
using Redirector.Shell.HostsFiles;
using Serilog;

namespace Redirector.Shell.Running;

/// <summary>Logs hosts-file trouble once per episode, not once per probe: the first failure,
/// then the recovery. The daemon retries on every decision meanwhile.</summary>
sealed class WriteEpisodes(ILogger log)
{
    string? readProblem;
    string? writeProblem;
    string? unusable;
    bool warnedInPlace;

    /// <summary>After each read: an empty error means it was read.</summary>
    public void Read(string error)
    {
        if (error.Length == 0 && readProblem is not null) log.Information("hosts file readable again");
        else if (error.Length > 0 && readProblem != error) log.Error("{Error}; retrying", error);
        readProblem = error.Length == 0 ? null : error;
    }

    public void Wrote(string path, WriteOutcome outcome)
    {
        switch (outcome)
        {
            case { Succeeded: false, Problem: { } problem }:
                if (writeProblem != problem) log.Error("{Reason}; retrying", problem);
                writeProblem = problem;
                return;
            case WriteOutcome.InPlace p when !warnedInPlace:
                log.Warning("{Path} written in place, not atomically: {Why}", path, p.Why);
                warnedInPlace = true;
                break;
        }
        if (writeProblem is not null) log.Information("{Path} written again after failures", path);
        writeProblem = null;
        log.Debug("{Path} written", path);
    }

    public void Unusable(string path, HostsError error)
    {
        if (unusable != error.Message)
            log.Error("{Path}: {Message}; nothing is written until it is fixed", path, error.Message);
        unusable = error.Message;
    }

    public void Usable()
    {
        if (unusable is not null) log.Information("managed block readable again");
        unusable = null;
    }
}
