using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Mm2Dr.Core.Environment;
using Mm2Dr.Core.Errors;

namespace Mm2Dr.Core.Kafka
{
    /// <summary>
    /// An admin client bound to one cluster, whose every call is bounded by a timeout and a cancellation token and
    /// fails with a <see cref="Mm2DrException"/> that names the cluster. Nothing waits forever.
    /// </summary>
    public sealed class KafkaAdmin : IDisposable
    {
        private readonly Lazy<IAdminClient> _client;
        private readonly List<Task> _abandoned = new List<Task>();

        public KafkaAdmin(ClusterConnection cluster, TimeSpan timeout, CancellationToken cancellation)
        {
            Cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
            if (timeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.");
            }

            Timeout = timeout;
            Cancellation = cancellation;
            Diagnostics = new KafkaClientDiagnostics(cluster);
            _client = new Lazy<IAdminClient>(() => KafkaClientFactory.CreateAdmin(cluster, Diagnostics, timeout));
        }

        public ClusterConnection Cluster { get; }

        public TimeSpan Timeout { get; }

        public CancellationToken Cancellation { get; }

        public KafkaClientDiagnostics Diagnostics { get; }

        public IAdminClient Client => _client.Value;

        /// <summary>Cluster metadata for all topics (or one); errors if the cluster does not answer in time.</summary>
        public Metadata GetMetadata(string? topic = null)
        {
            var task = Task.Run(() => topic == null ? Client.GetMetadata(Timeout) : Client.GetMetadata(topic, Timeout));
            return Await(task, "Reading metadata", topic);
        }

        /// <summary>Awaits an admin task within the timeout (plus a grace for librdkafka's own deadline) and the token.</summary>
        public T Await<T>(Task<T> task, string operation, object? target)
        {
            try
            {
                var grace = Timeout + TimeSpan.FromSeconds(2);
                var finished = Task.WhenAny(task, Task.Delay(grace, Cancellation)).GetAwaiter().GetResult();
                if (finished != task)
                {
                    Abandon(task);
                    Cancellation.ThrowIfCancellationRequested();
                    throw KafkaErrorTranslator.Timeout(Cluster, operation, Timeout, target, Diagnostics);
                }

                return task.GetAwaiter().GetResult();
            }
            catch (KafkaException ex) when (ex.GetType() == typeof(KafkaException))
            {
                // Typed admin exceptions (CreateTopicsException, …) carry per-item results; callers unpack those.
                throw TranslateKafka(ex, operation, target);
            }
        }

        public void Await(Task task, string operation, object? target)
        {
            Await(task.ContinueWith(t =>
            {
                t.GetAwaiter().GetResult();
                return true;
            }, TaskScheduler.Default), operation, target);
        }

        /// <summary>Starts an admin call and awaits it; a call librdkafka refuses before it starts is translated too.</summary>
        public T Call<T>(Func<Task<T>> start, string operation, object? target)
        {
            Task<T> task;
            try
            {
                task = start();
            }
            catch (KafkaException ex) when (ex.GetType() == typeof(KafkaException))
            {
                throw TranslateKafka(ex, operation, target);
            }

            return Await(task, operation, target);
        }

        public void Call(Func<Task> start, string operation, object? target)
        {
            Task task;
            try
            {
                task = start();
            }
            catch (KafkaException ex) when (ex.GetType() == typeof(KafkaException))
            {
                throw TranslateKafka(ex, operation, target);
            }

            Await(task, operation, target);
        }

        public Mm2DrException TranslateKafka(KafkaException ex, string operation, object? target)
        {
            if (ex.Error.Code == ErrorCode.Local_TimedOut || ex.Error.Code == ErrorCode.Local_Transport)
            {
                var last = Diagnostics.LastError;
                if (last != null || Diagnostics.AllBrokersDown)
                {
                    return KafkaErrorTranslator.Timeout(Cluster, operation, Timeout, target, Diagnostics);
                }
            }

            return KafkaErrorTranslator.Translate(Cluster, ex.Error, operation, target, Diagnostics, ex);
        }

        // A call abandoned on timeout or Ctrl+C keeps running inside librdkafka; it must not surface later as an
        // unobserved exception, and the client must outlive it.
        internal void Abandon(Task task)
        {
            task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            lock (_abandoned)
            {
                _abandoned.Add(task);
            }
        }

        public void Dispose()
        {
            if (!_client.IsValueCreated)
            {
                return;
            }

            Task[] pending;
            lock (_abandoned)
            {
                pending = _abandoned.FindAll(t => !t.IsCompleted).ToArray();
            }

            if (pending.Length == 0)
            {
                _client.Value.Dispose();
                return;
            }

            // Disposing now would block until librdkafka gives up on the abandoned calls (up to their timeout);
            // destroying a client under an in-flight admin call is also what crashes librdkafka. Let them finish.
            var client = _client.Value;
            Task.WhenAll(pending).ContinueWith(_ => client.Dispose(), TaskScheduler.Default);
        }
    }
}
