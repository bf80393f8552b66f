using System;
using System.Linq;
using System.Net.Sockets;
using Confluent.Kafka;
using Mm2Dr.Lab.Tests.Support;
using Xunit;

namespace Mm2Dr.Lab.Tests
{
    public class ListenerPortTests : BrokerTest
    {
        [Fact]
        public void A_second_broker_cannot_take_a_port_that_one_is_listening_on()
        {
            using var first = StartBroker();
            Assert.Throws<SocketException>(() => StartBroker(o => o.Port = first.Port));
            first.TakeDown();
            first.BringUp();
            // After a bring-up too: two brokers on one port would split the clients between them.
            Assert.Throws<SocketException>(() => StartBroker(o => o.Port = first.Port));
        }

        [Fact]
        public void A_broker_restarted_on_the_same_port_binds_at_once()
        {
            var first = StartBroker();
            var port = first.Port;
            using var connected = Clients.Admin(first);
            Assert.NotNull(connected.GetMetadata(TimeSpan.FromSeconds(5)));

            // Stopped with a client still connected, as when an operator restarts a lab on 9092 mid-session.
            first.Dispose();
            using var second = StartBroker(o => o.Port = port);
            Assert.Equal(port, second.Port);
            using var admin = Clients.Admin(second);
            Assert.NotNull(admin.GetMetadata(TimeSpan.FromSeconds(5)));
        }
    }
}
