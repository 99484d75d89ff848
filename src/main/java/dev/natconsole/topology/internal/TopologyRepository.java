package dev.natconsole.topology.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TopologyRepository extends JpaRepository<TopologyEntity, Long> {

    Optional<TopologyEntity> findByName(String name);

    List<TopologyEntity> findAllByOrderByNameAsc();
}
