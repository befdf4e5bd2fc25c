package io.casedesk.handoff.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;

/**
 * Knowledge gaps alike in meaning: the mean of their embeddings (the centroid a new gap is compared with) and how
 * many there are.
 */
@Entity
@Table(name = "knowledge_groups")
public class KnowledgeGroup extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** The centroid as float32 values, little-endian. */
    public byte[] centroid;
    @Column(name = "gap_count")
    public int gapCount;
    @Column(name = "first_seen")
    public Instant firstSeen;
    @Column(name = "last_seen")
    public Instant lastSeen;

    /** A new group of one gap. */
    public static KnowledgeGroup of(float[] embedding, Instant at) {
        KnowledgeGroup group = new KnowledgeGroup();
        group.centroid = bytes(embedding);
        group.gapCount = 1;
        group.firstSeen = at;
        group.lastSeen = at;
        return group;
    }

    /** Adds a gap: the centroid moves to the mean of all the group's embeddings. */
    public void add(float[] embedding, Instant at) {
        float[] mean = vector();
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (mean[i] * gapCount + embedding[i]) / (gapCount + 1);
        }
        centroid = bytes(mean);
        gapCount++;
        if (at.isAfter(lastSeen)) {
            lastSeen = at;
        }
    }

    public float[] vector() {
        ByteBuffer buffer = ByteBuffer.wrap(centroid).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[centroid.length / Float.BYTES];
        buffer.asFloatBuffer().get(vector);
        return vector;
    }

    /** Every group, most gaps first, then the most recently seen. */
    public static List<KnowledgeGroup> ranked() {
        return list("order by gapCount desc, lastSeen desc, id desc");
    }

    private static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }
}
