package workbench.harness.net.link;

import java.util.List;
import java.util.Optional;

/**
 * The {@code tbf} a shaped link puts on the sender's veth end, and why its numbers are what they are.
 *
 * <p><b>Burst</b> = the larger of 4 ms at the link rate and two 64 KiB packets (or two MTU-sized
 * frames when the MTU is larger). veth hands tbf GSO packets of up to 64 KiB; a bucket smaller than
 * one of them makes tbf split it in software, and a bucket of a few ms of rate keeps the 2-vCPU
 * machine's timer and softirq jitter from idling the link. Measured here (veth, BBR, one stream):
 * 1 Gbit/s at MTU 1500 gives 950–957 Mbit/s of TCP goodput with a bucket of 128–500 KB; 10 Gbit/s at
 * MTU 9000 gave 7.7 Gbit/s with 256 KB, 9.4 with 1.25 MB (1 ms), 9.7–9.9 with 5 MB (4 ms).
 * The cost: the first 4 ms of a transfer may go at veth speed, a negligible share of any trial.
 *
 * <p><b>Latency</b> 5 ms bounds the queue (tc's limit = rate × latency + burst). A local sender's
 * TCP small queues keep it nearly empty, so tbf emulates rate, not loss (nio-facts.md trap 5).
 *
 * <p>tbf charges each packet's length from the Ethernet header on (payload + 52 bytes of TCP/IP
 * headers with timestamps + 14), not a real wire's 24 bytes of preamble, FCS and gap per frame:
 * a 1 Gbit/s tbf at MTU 1500 carries at most 1448/1514 ≈ 956 Mbit/s of goodput, where real GbE
 * carries 1448/1538 ≈ 941. (tbf's {@code overhead} option cannot fix this: it is charged per GSO
 * packet, not per frame.)
 *
 * @param rate          the token rate, above 0
 * @param burstBytes    the bucket size
 * @param latencyMillis the longest a packet may wait in the queue
 */
public record Shaping(Rate rate, long burstBytes, int latencyMillis) {

    static final int BURST_MILLIS = 4;
    static final int LATENCY_MILLIS = 5;
    static final long GSO_PACKET = 64 * 1024;
    static final int ETHERNET_HEADER = 14;

    public Shaping {
        if (rate.unshaped()) {
            throw new IllegalArgumentException("tbf needs a rate above 0");
        }
    }

    /** The tbf for a profile; empty when the profile is unshaped. */
    public static Optional<Shaping> of(LinkProfile profile) {
        if (!profile.shaped()) {
            return Optional.empty();
        }
        long largestPacket = Math.max(GSO_PACKET, profile.mtu() + ETHERNET_HEADER);
        long burst = Math.max(profile.rate().bytesPerSecond() * BURST_MILLIS / 1000, 2 * largestPacket);
        return Optional.of(new Shaping(profile.rate(), burst, LATENCY_MILLIS));
    }

    /** {@code rate 1000000000bit burst 500000 latency 5ms}, to follow {@code tc qdisc add dev X root tbf}. */
    public List<String> tcArguments() {
        return List.of("rate", rate.tcArgument(), "burst", Long.toString(burstBytes), "latency", latencyMillis + "ms");
    }
}
