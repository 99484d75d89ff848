package dev.natconsole.target.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TargetRepository extends JpaRepository<TargetEntity, Long> {

    boolean existsByName(String name);

    List<TargetEntity> findAllByOrderByNameAsc();
}
