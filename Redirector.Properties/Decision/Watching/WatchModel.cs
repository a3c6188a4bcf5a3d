using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;
using HashSet = System.Collections.Generic.HashSet<Redirector.Domain.Decision.BackendKey>;

namespace Redirector.Properties.Decision.Watching;

/// <summary>A reference model of the watch rules and fast re-probes, written from the spec's
/// words rather than from the core: health by <see cref="ModelBackend"/>, and per backend its
/// watch (closed, opening, connected since, paused until), its strikes in a row and when its
/// last watch was asked for. It says what each input must do.</summary>
public sealed class WatchModel
{
    public enum Phase { Closed, Opening, Connected, Paused }

    public sealed record Slot(Phase Phase, long Since, long Until, int Strikes, long? LastOpen)
    {
        public static readonly Slot Closed = new(Phase.Closed, 0, 0, 0, null);
    }

    public sealed class Lb(LbConfig config, int generation)
    {
        public LbConfig Config { get; set; } = config;
        public int Generation { get; } = generation;
        public ModelBackend[] Health { get; } =
            Enumerable.Repeat(ModelBackend.Unknown, config.Backends.Count).ToArray();
        public Slot[] Watches { get; } =
            Enumerable.Repeat(Slot.Closed, config.Backends.Count).ToArray();

        public long PeriodMs => (long)Config.HealthCheck.Period.TotalMilliseconds;

        /// <summary>fast_interval, else a quarter period, at most 250 ms.</summary>
        public long FastMs => Config.HealthCheck.FastIntervalSetting.Match(
            f => (long)f.TotalMilliseconds, () => Math.Min(PeriodMs / 4, 250));

        public int IndexOf(BackendKey key) =>
            key.Lb == Config.Name && key.Port == Config.HealthCheck.Port
                ? Config.Backends.ToList().FindIndex(b => b.Host == key.Host)
                : -1;
    }

    /// <summary>What a watch input must do: nothing but the count (Stale), or these events
    /// (in order) and, for a lost watch, one probe of these backends.</summary>
    public sealed record Outcome(bool Stale, Seq<Effect> Events, Option<HashSet> Probe);

    public SortedDictionary<string, Lb> Lbs { get; } = new(StringComparer.Ordinal);

    public void Load(IEnumerable<LbConfig> configs, int generation)
    {
        var list = configs.ToList();
        foreach (var gone in Lbs.Keys.Where(k => list.All(c => c.Name != k)).ToList())
            Lbs.Remove(gone);
        foreach (var c in list)
            if (Lbs.TryGetValue(c.Name, out var old) && old.Config.SameDefinition(c))
                old.Config = c;
            else
                Lbs[c.Name] = new Lb(c, generation);
    }

    /// <summary>Folds a batch; the watches it opens and the fast re-probes (key, at) it asks.
    /// </summary>
    public (HashSet Opens, System.Collections.Generic.HashSet<(BackendKey, long)> Reprobes)
        Observed(Seq<Observation> results, long now)
    {
        var latest = new Dictionary<BackendKey, ProbeResult>();
        foreach (var o in results)
        {
            if (!Lbs.TryGetValue(o.Backend.Lb, out var lb) || lb.Generation != o.Generation)
                continue;
            var i = lb.IndexOf(o.Backend);
            if (i < 0) continue;
            var hc = lb.Config.HealthCheck;
            lb.Health[i] = lb.Health[i].Next(o.Result.Ok, o.Result.Duration.TotalMilliseconds,
                hc.Rise, hc.Fall);
            latest[o.Backend] = o.Result;
        }
        var opens = new HashSet();
        var reprobes = new System.Collections.Generic.HashSet<(BackendKey, long)>();
        foreach (var (key, result) in latest)
        {
            var lb = Lbs[key.Lb];
            var i = lb.IndexOf(key);
            if (lb.Health[i].Streak > 0) reprobes.Add((key, now + lb.FastMs));
            var w = lb.Watches[i];
            var free = w.Phase == Phase.Closed || w.Phase == Phase.Paused && w.Until <= now;
            var rested = w.LastOpen is not { } last || now - last >= lb.PeriodMs;
            if (!result.Ok || !lb.Config.HealthCheck.Watch || !free || !rested) continue;
            opens.Add(key);
            lb.Watches[i] = w with
            {
                Phase = Phase.Opening, LastOpen = now,
                Strikes = w.Phase == Phase.Paused ? 2 : w.Strikes,
            };
        }
        return (opens, reprobes);
    }

    /// <summary>A watch input, given the backend the LB is serving (if it is serving one).
    /// </summary>
    public Outcome Answer(Input input, Option<BackendKey> serving)
    {
        var stale = new Outcome(true, Empty, None);
        var (key, generation) = input switch
        {
            Input.WatchOpened o => (o.Backend, o.Generation),
            Input.WatchLost l => (l.Backend, l.Generation),
            Input.WatchFailed f => (f.Backend, f.Generation),
            _ => throw new ArgumentException("not a watch input"),
        };
        if (!Lbs.TryGetValue(key.Lb, out var lb) || lb.Generation != generation) return stale;
        var i = lb.IndexOf(key);
        if (i < 0) return stale;
        var w = lb.Watches[i];
        var now = input.Now;
        switch (input)
        {
            case Input.WatchOpened when w.Phase == Phase.Opening:
                lb.Watches[i] = w with { Phase = Phase.Connected, Since = now };
                return new Outcome(false, Seq1<Effect>(new Effect.WatchConnected(now, key)), None);
            case Input.WatchLost l when w.Phase == Phase.Connected:
                var strikes = now - w.Since < 30_000 ? w.Strikes + 1 : 0;
                var probe = new HashSet { key };
                if (serving == Some(key))
                    for (var j = 0; j < lb.Health.Length; j++)
                        if (lb.Health[j].IsUp) probe.Add(Some.Key(lb.Config.Name, j));
                var dropped = new Effect.WatchDropped(now, key, l.How);
                return new Outcome(false, Struck(lb, i, w, strikes, now, dropped), probe);
            case Input.WatchFailed f when w.Phase == Phase.Opening:
                var failed = new Effect.WatchNotConnected(now, key, f.Reason);
                return new Outcome(false, Struck(lb, i, w, w.Strikes + 1, now, failed), None);
            default:
                return stale;
        }
    }

    /// <summary>The reason is not modelled (it is checked by example); NotWatchable is compared
    /// by its time, backend and end.</summary>
    static Seq<Effect> Struck(Lb lb, int i, Slot w, int strikes, long now, Effect first)
    {
        if (strikes < 3)
        {
            lb.Watches[i] = w with { Phase = Phase.Closed, Strikes = strikes };
            return Seq1(first);
        }
        lb.Watches[i] = w with { Phase = Phase.Paused, Until = now + 600_000, Strikes = strikes };
        return Seq(first, new Effect.NotWatchable(now, Some.Key(lb.Config.Name, i), "",
            now + 600_000));
    }

    public Phase PhaseOf(BackendKey key) =>
        Lbs.TryGetValue(key.Lb, out var lb) && lb.IndexOf(key) is var i and >= 0
            ? lb.Watches[i].Phase
            : Phase.Closed;
}
