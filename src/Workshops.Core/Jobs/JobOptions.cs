using System.ComponentModel.DataAnnotations;

namespace Workshops.Core.Jobs;

public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Background workers in this instance.</summary>
    [Range(1, 64, ErrorMessage = "Jobs:WorkerCount must be between 1 and 64.")]
    public int WorkerCount { get; set; } = 2;

    /// <summary>How often a worker asks PostgreSQL for new jobs (in-memory storage is told at once).</summary>
    [Range(1, 300, ErrorMessage = "Jobs:PollIntervalSeconds must be between 1 and 300.")]
    public int PollIntervalSeconds { get; set; } = 5;

    /// <summary>Run the job server in this process; off for an instance that only serves pages.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Send workshops' automatic reminders by themselves; off where something else drives them (the tests, with their own clock).</summary>
    public bool SendReminders { get; set; } = true;
}
