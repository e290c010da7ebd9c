package workbench.reports.model;

/**
 * What one multifd channel (a connection beside the main stream) carried in a trial.
 *
 * @param channel     the channel's id, from 0
 * @param bytes       bytes written on it, its 64-byte initial packet included
 * @param writevCalls gathering write calls: one for the initial packet, then one per packet unless the kernel took part of one
 * @param packets     packets sent after the initial packet, SYNC packets included
 */
public record ChannelCounts(int channel, long bytes, long writevCalls, long packets) {
}
