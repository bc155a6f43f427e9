// Hangfire keeps its log provider and job activator in process-wide statics, set by the host that started last.
// When one test host is disposed while another runs, the survivor's workers fetch a job and then fail on the
// disposed logger, losing the job until its invisibility timeout. One host at a time keeps every host whole.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
