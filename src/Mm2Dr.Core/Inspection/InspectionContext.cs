using System;
using System.Threading;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Mm2;
using Mm2Dr.Core.Time;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>
    /// Everything an MM2 inspection works with: the flow's layout, a view of each cluster, the internal-topic source, the
    /// clock, the read deadline and the cancellation token. <see cref="Open"/> builds the Kafka-backed one; tests build
    /// one in memory. Reusable across rounds (Get-ReplicationLag -Watch); dispose it to close the admin clients.
    /// </summary>
    public sealed class InspectionContext : IDisposable
    {
        private readonly IDisposable[] _owned;

        public InspectionContext(Mm2FlowLayout layout, IClusterView primary, IClusterView dr, IMm2TopicSource mm2Topics, IClock clock, TimeSpan readTimeout, CancellationToken cancellation, params IDisposable[] owned)
        {
            Layout = layout ?? throw new ArgumentNullException(nameof(layout));
            Primary = primary ?? throw new ArgumentNullException(nameof(primary));
            Dr = dr ?? throw new ArgumentNullException(nameof(dr));
            Mm2Topics = mm2Topics ?? throw new ArgumentNullException(nameof(mm2Topics));
            Clock = clock ?? throw new ArgumentNullException(nameof(clock));
            if (readTimeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(readTimeout), readTimeout, "The read timeout must be positive.");
            }

            ReadTimeout = readTimeout;
            Cancellation = cancellation;
            _owned = owned ?? Array.Empty<IDisposable>();
        }

        public Mm2FlowLayout Layout { get; }

        public IClusterView Primary { get; }

        public IClusterView Dr { get; }

        public IMm2TopicSource Mm2Topics { get; }

        public IClock Clock { get; }

        /// <summary>Deadline of each whole internal-topic read.</summary>
        public TimeSpan ReadTimeout { get; }

        public CancellationToken Cancellation { get; }

        /// <summary>Kafka-backed inspection of the environment's primary-&gt;DR flow.</summary>
        public static InspectionContext Open(DrEnvironment environment, TimeSpan requestTimeout, TimeSpan readTimeout, CancellationToken cancellation, IClock? clock = null)
        {
            var layout = new Mm2FlowLayout(environment);
            var primary = new KafkaClusterView(environment.Primary, environment.Policy, requestTimeout, cancellation);
            var dr = new KafkaClusterView(environment.Dr, environment.Policy, requestTimeout, cancellation);
            return new InspectionContext(layout, primary, dr, new KafkaMm2TopicSource(layout), clock ?? SystemClock.Instance, readTimeout, cancellation, primary, dr);
        }

        /// <summary>Read options for one internal topic: the deadline, the clock, and progress under <paramref name="activity"/>.</summary>
        public InternalTopicReadOptions ReadOptions(string activity, Action<InspectionProgress>? progress) => ReadOptions(ReadTimeout, Clock, activity, progress);

        /// <summary>Read options with the reader's progress reported as an <see cref="InspectionProgress"/> of <paramref name="activity"/>.</summary>
        public static InternalTopicReadOptions ReadOptions(TimeSpan timeout, IClock clock, string activity, Action<InspectionProgress>? progress) => new InternalTopicReadOptions
        {
            Timeout = timeout,
            Clock = clock,
            Progress = progress == null ? null : p => progress(new InspectionProgress(activity, $"{p.RecordsRead:N0} records, offset {p.NextOffset:N0} of {p.EndOffset:N0}", p.Fraction)),
        };

        public void Dispose()
        {
            foreach (var owned in _owned)
            {
                owned.Dispose();
            }
        }
    }
}
